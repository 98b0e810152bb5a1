//===--- FunctionPointers.cpp - What each function pointer may hold -------===//

#include "extract/FunctionPointers.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace noalloc {
namespace {

/// A variable or field of user code whose type is a pointer to function or
/// to member function, or an array of them, that noalloc follows: not a
/// parameter (its callers write it), not a member of a union (its other
/// members write it).
const ValueDecl *followed(const ValueDecl *D, const SourceManager &SM) {
  if (!D || isa<ParmVarDecl>(D) || !isa<VarDecl, FieldDecl>(D) ||
      D->isImplicit() || SM.isInSystemHeader(SM.getFileLoc(D->getLocation())))
    return nullptr;
  for (const DeclContext *C = D->getDeclContext(); isa<RecordDecl>(C);
       C = C->getParent())
    if (cast<RecordDecl>(C)->isUnion())
      return nullptr;
  const Type *T = D->getType()->getBaseElementTypeUnsafe();
  if (!T->isFunctionPointerType() && !T->isMemberFunctionPointerType())
    return nullptr;
  return cast<ValueDecl>(D->getCanonicalDecl());
}

/// The reference that names the variable or field an lvalue designates:
/// 'cb', 'ops.tick', 'table[i]'; null for anything else.
const Expr *named(const Expr *E) {
  E = E->IgnoreParens();
  if (const auto *Element = dyn_cast<ArraySubscriptExpr>(E)) {
    const auto *Decay =
        dyn_cast<ImplicitCastExpr>(Element->getBase()->IgnoreParens());
    if (!Decay || Decay->getCastKind() != CK_ArrayToPointerDecay)
      return nullptr;
    E = Decay->getSubExpr()->IgnoreParens();
  }
  return isa<DeclRefExpr, MemberExpr>(E) ? E : nullptr;
}

const ValueDecl *declOf(const Expr *Named) {
  if (!Named)
    return nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Named))
    return Ref->getDecl();
  return cast<MemberExpr>(Named)->getMemberDecl();
}

/// The read of the pointer that an indirect call goes through: the
/// lvalue-to-rvalue conversion in 'cb(x)', '(*cb)(x)', '(m.*action)()'.
const ImplicitCastExpr *calledRead(const CallExpr *E) {
  const Expr *Callee = E->getCallee()->IgnoreParens();
  if (const auto *Member = dyn_cast<BinaryOperator>(Callee);
      Member && Member->isPtrMemOp())
    Callee = Member->getRHS();
  while (true) {
    Callee = Callee->IgnoreParens();
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(Callee)) {
      if (Cast->getCastKind() == CK_LValueToRValue)
        return Cast;
      Callee = Cast->getSubExpr();
    } else if (const auto *Deref = dyn_cast<UnaryOperator>(Callee);
               Deref && Deref->getOpcode() == UO_Deref) {
      Callee = Deref->getSubExpr();
    } else {
      return nullptr;
    }
  }
}

class StoreCollector : public RecursiveASTVisitor<StoreCollector> {
public:
  explicit StoreCollector(ASTContext &Ctx)
      : Ctx(Ctx), SM(Ctx.getSourceManager()) {}

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }

  bool TraverseDecl(Decl *D) {
    return skipsStores(D, SM) || RecursiveASTVisitor::TraverseDecl(D);
  }
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *E) {
    // 'sizeof table' reads nothing; the size of a variable-length array is
    // evaluated.
    bool Evaluated = !E->isArgumentType() &&
                     E->getArgumentExpr()->getType()->isVariablyModifiedType();
    return !Evaluated ||
           RecursiveASTVisitor::TraverseUnaryExprOrTypeTraitExpr(E);
  }
  bool TraverseConstructorInitializer(CXXCtorInitializer *Init) {
    if (const ValueDecl *P = followed(Init->getAnyMember(), SM))
      store(P, Init->getInit());
    return RecursiveASTVisitor::TraverseConstructorInitializer(Init);
  }

  // Parents are visited before their children: each tells what the
  // references below it do before the references are visited.
  bool VisitCallExpr(CallExpr *E) {
    if (const ImplicitCastExpr *Read = calledRead(E))
      Harmless.insert(Read);
    return true;
  }
  // A condition only tests the pointer. C converts no condition to bool
  // ('if (cb)' reads 'cb' as a scalar), so the tests are named here.
  bool VisitIfStmt(IfStmt *S) { return condition(S->getCond()); }
  bool VisitWhileStmt(WhileStmt *S) { return condition(S->getCond()); }
  bool VisitDoStmt(DoStmt *S) { return condition(S->getCond()); }
  bool VisitForStmt(ForStmt *S) { return condition(S->getCond()); }
  bool VisitConditionalOperator(ConditionalOperator *E) {
    return condition(E->getCond());
  }
  bool VisitBinaryOperator(BinaryOperator *E) {
    if (E->isEqualityOp() || E->isRelationalOp() || E->isLogicalOp()) {
      harmless(E->getLHS());
      harmless(E->getRHS());
    } else if (E->getOpcode() == BO_Assign) {
      const Expr *Target = named(E->getLHS());
      if (const ValueDecl *P = followed(declOf(Target), SM)) {
        Claimed.insert(Target);
        store(P, E->getRHS());
      }
    }
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *E) {
    if (E->getOpcode() == UO_LNot)
      harmless(E->getSubExpr());
    return true;
  }
  bool VisitImplicitCastExpr(ImplicitCastExpr *E) {
    switch (E->getCastKind()) {
    case CK_PointerToBoolean:
    case CK_MemberPointerToBoolean:
      harmless(E->getSubExpr());
      break;
    case CK_LValueToRValue:
      if (const Expr *Target = named(E->getSubExpr()))
        if (const ValueDecl *P = followed(declOf(Target), SM)) {
          Claimed.insert(Target);
          // Its value goes elsewhere: so may what is stored into it.
          if (!Harmless.contains(E))
            Result.Pointers[P].Copied = true;
        }
      break;
    default:
      break;
    }
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *E) {
    // A capture neither writes the variable nor copies it elsewhere: the
    // lambda's body names the variable itself, and is visited.
    for (const Expr *Init : E->capture_inits())
      if (Init) {
        harmless(Init);
        if (const Expr *Target = named(Init))
          Claimed.insert(Target);
      }
    return true;
  }
  bool VisitVarDecl(VarDecl *D) {
    if (const ValueDecl *P = followed(D, SM); P && D->getInit())
      store(P, D->getInit());
    return true;
  }
  bool VisitFieldDecl(FieldDecl *D) {
    if (const ValueDecl *P = followed(D, SM);
        P && D->hasInClassInitializer() && D->getInClassInitializer())
      store(P, D->getInClassInitializer());
    return true;
  }
  bool VisitInitListExpr(InitListExpr *E) {
    if (E->isSemanticForm())
      if (const RecordDecl *Record = E->getType()->getAsRecordDecl())
        storeFields(Record, E->inits());
    return true;
  }
  bool VisitCXXParenListInitExpr(CXXParenListInitExpr *E) {
    if (const RecordDecl *Record = E->getType()->getAsRecordDecl())
      storeFields(Record, E->getInitExprs());
    return true;
  }
  // Any other use of a followed pointer (its address taken, a reference
  // bound to it) may write it or copy it: nothing is known of it.
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    unclaimed(E, E->getDecl());
    return true;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    unclaimed(E, E->getMemberDecl());
    return true;
  }

  PointerStores Result;

private:
  bool condition(const Expr *E) {
    if (E)
      harmless(E);
    return true;
  }
  void harmless(const Expr *E) {
    if (const auto *Read = dyn_cast<ImplicitCastExpr>(E->IgnoreParens()))
      Harmless.insert(Read);
  }
  void unclaimed(const Expr *E, const ValueDecl *D) {
    if (const ValueDecl *P = followed(D, SM); P && !Claimed.contains(E)) {
      PointerStores::Stores &S = Result.Pointers[P];
      S.OtherWrites = S.Copied = true;
    }
  }
  void storeFields(const RecordDecl *Record, ArrayRef<Expr *> Inits) {
    if (Record->isUnion())
      return;
    // Bases come first, then the fields; unnamed bit-fields take none.
    unsigned I = 0;
    if (const auto *Class = dyn_cast<CXXRecordDecl>(Record))
      I = Class->getNumBases();
    for (const FieldDecl *Field : Record->fields()) {
      if (Field->isBitField() && !Field->getDeclName())
        continue;
      if (I >= Inits.size())
        return;
      if (const ValueDecl *P = followed(Field, SM))
        store(P, Inits[I]);
      ++I;
    }
  }
  void store(const ValueDecl *P, const Expr *Value) {
    PointerStores::Stores &S = Result.Pointers[P];
    if (!resolve(P, Value, S))
      S.OtherWrites = true;
  }
  /// Adds the functions \p Value may be to \p S; false if it is something
  /// else than functions written out, a null pointer, or \p P itself.
  bool resolve(const ValueDecl *P, const Expr *Value,
               PointerStores::Stores &S) {
    if (!Value ||
        Value->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
      return true;
    const Expr *E = Value->IgnoreParenImpCasts();
    if (const auto *Default = dyn_cast<CXXDefaultInitExpr>(E))
      return resolve(P, Default->getExpr(), S);
    if (const auto *Default = dyn_cast<CXXDefaultArgExpr>(E))
      return resolve(P, Default->getExpr(), S);
    if (isa<ImplicitValueInitExpr>(E))
      return true;
    if (const auto *List = dyn_cast<InitListExpr>(E)) {
      bool Known =
          !List->hasArrayFiller() || resolve(P, List->getArrayFiller(), S);
      for (const Expr *Init : List->inits())
        Known &= resolve(P, Init, S);
      return Known;
    }
    if (const auto *Choice = dyn_cast<ConditionalOperator>(E)) {
      bool True = resolve(P, Choice->getTrueExpr(), S);
      bool False = resolve(P, Choice->getFalseExpr(), S);
      return True && False;
    }
    if (const auto *Op = dyn_cast<UnaryOperator>(E);
        Op && (Op->getOpcode() == UO_AddrOf || Op->getOpcode() == UO_Plus))
      return resolve(P, Op->getSubExpr(), S);
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      if (const auto *FD = dyn_cast<FunctionDecl>(Ref->getDecl())) {
        // A pointer to a virtual member function dispatches.
        if (const auto *Method = dyn_cast<CXXMethodDecl>(FD);
            Method && Method->isVirtual())
          return false;
        Result.Stored.insert(Ref);
        S.Functions.insert(FD->getCanonicalDecl());
        return true;
      }
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E))
      if (const auto *Conversion =
              dyn_cast_or_null<CXXConversionDecl>(Call->getMethodDecl()))
        if (const CXXRecordDecl *Lambda = Conversion->getParent();
            Lambda->isLambda() && !Lambda->isGenericLambda())
          if (const CXXMethodDecl *Op = Lambda->getLambdaCallOperator()) {
            Result.Stored.insert(Call);
            S.Functions.insert(Op->getCanonicalDecl());
            return true;
          }
    // A copy of the pointer into itself: a copy constructor.
    if (const auto *Loop = dyn_cast<ArrayInitLoopExpr>(E))
      E = Loop->getCommonExpr()->getSourceExpr();
    const Expr *Source = E ? named(E) : nullptr;
    if (!Source || followed(declOf(Source), SM) != P)
      return false;
    Claimed.insert(Source);
    for (const Expr *Read = Value->IgnoreParens();
         const auto *Cast = dyn_cast<ImplicitCastExpr>(Read);
         Read = Cast->getSubExpr()->IgnoreParens())
      Harmless.insert(Cast);
    return true;
  }

  ASTContext &Ctx;
  const SourceManager &SM;
  /// References whose use is known: read, written by a followed store.
  llvm::DenseSet<const Expr *> Claimed;
  /// Reads whose value is called or compared, and goes nowhere else.
  llvm::DenseSet<const Expr *> Harmless;
};

} // namespace

bool skipsStores(const Decl *D, const SourceManager &SM) {
  if (!D || isa<TranslationUnitDecl>(D))
    return false;
  if (SM.isInSystemHeader(SM.getFileLoc(D->getLocation())))
    return true;
  const auto *DC = dyn_cast<DeclContext>(D);
  return DC && DC->isDependentContext();
}

PointerStores collectPointerStores(ASTContext &Ctx) {
  StoreCollector Collector(Ctx);
  Collector.TraverseDecl(Ctx.getTranslationUnitDecl());
  return std::move(Collector.Result);
}

const ValueDecl *calledPointer(const CallExpr *E, const SourceManager &SM) {
  const ImplicitCastExpr *Read = calledRead(E);
  return Read ? followed(declOf(named(Read->getSubExpr())), SM) : nullptr;
}

} // namespace noalloc
