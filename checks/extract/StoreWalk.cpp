//===--- StoreWalk.cpp - What user code stores into its callables ---------===//

#include "extract/StoreWalk.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace noalloc {
namespace {

/// Visits each node once, parents before their children, and tells both
/// collectors; std::function slots only in C++.
class StoreWalk : public RecursiveASTVisitor<StoreWalk> {
public:
  explicit StoreWalk(ASTContext &Ctx)
      : SM(Ctx.getSourceManager()), Pointers(Ctx), Slots(Ctx),
        WithSlots(Ctx.getLangOpts().CPlusPlus) {}

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }

  bool TraverseDecl(Decl *D) {
    return skippedByUnitWalks(D, SM) || RecursiveASTVisitor::TraverseDecl(D);
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
    both(Init);
    return RecursiveASTVisitor::TraverseConstructorInitializer(Init);
  }

  bool VisitFunctionDecl(FunctionDecl *D) { return slots(D); }
  bool VisitVarDecl(VarDecl *D) { return both(D); }
  bool VisitFieldDecl(FieldDecl *D) { return both(D); }
  bool VisitCallExpr(CallExpr *E) { return both(E); }
  bool VisitCXXConstructExpr(CXXConstructExpr *E) { return slots(E); }
  bool VisitLambdaExpr(LambdaExpr *E) { return both(E); }
  bool VisitUnaryOperator(UnaryOperator *E) { return both(E); }
  bool VisitCXXForRangeStmt(CXXForRangeStmt *S) { return slots(S); }
  bool VisitBinaryOperator(BinaryOperator *E) { return pointers(E); }
  bool VisitImplicitCastExpr(ImplicitCastExpr *E) { return pointers(E); }
  bool VisitInitListExpr(InitListExpr *E) {
    if (E->isSemanticForm())
      fieldInits(E->getType(), E->inits());
    return true;
  }
  bool VisitCXXParenListInitExpr(CXXParenListInitExpr *E) {
    fieldInits(E->getType(), E->getInitExprs());
    return true;
  }
  // A condition only tests what it reads.
  bool VisitIfStmt(IfStmt *S) { return condition(S->getCond()); }
  bool VisitWhileStmt(WhileStmt *S) { return condition(S->getCond()); }
  bool VisitDoStmt(DoStmt *S) { return condition(S->getCond()); }
  bool VisitForStmt(ForStmt *S) { return condition(S->getCond()); }
  bool VisitConditionalOperator(ConditionalOperator *E) {
    return condition(E->getCond());
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) { return reference(E, E->getDecl()); }
  bool VisitMemberExpr(MemberExpr *E) {
    return reference(E, E->getMemberDecl());
  }

  UnitStores take() && {
    return {std::move(Pointers.Result), std::move(Slots.Result)};
  }

private:
  template <typename Node> bool both(const Node *N) {
    Pointers.visit(N);
    return slots(N);
  }
  template <typename Node> bool slots(const Node *N) {
    if (WithSlots)
      Slots.visit(N);
    return true;
  }
  template <typename Node> bool pointers(const Node *N) {
    Pointers.visit(N);
    return true;
  }
  /// The fields of an aggregate of type \p T and their initializers
  /// \p Inits: the bases come first, then the fields; unnamed bit-fields
  /// take none.
  void fieldInits(QualType T, ArrayRef<Expr *> Inits) {
    const RecordDecl *Record = T->getAsRecordDecl();
    if (!Record || Record->isUnion())
      return;
    unsigned I = 0;
    if (const auto *Class = dyn_cast<CXXRecordDecl>(Record))
      I = Class->getNumBases();
    for (const FieldDecl *Field : Record->fields()) {
      if (Field->isBitField() && !Field->getDeclName())
        continue;
      if (I >= Inits.size())
        return;
      Pointers.fieldInit(Field, Inits[I]);
      if (WithSlots)
        Slots.fieldInit(Field, Inits[I]);
      ++I;
    }
  }
  bool condition(const Expr *E) {
    Pointers.condition(E);
    return true;
  }
  bool reference(const Expr *E, const ValueDecl *D) {
    Pointers.reference(E, D);
    if (WithSlots)
      Slots.reference(E);
    return true;
  }

  const SourceManager &SM;
  PointerStoreCollector Pointers;
  CallableSlotCollector Slots;
  bool WithSlots;
};

} // namespace

bool skippedByUnitWalks(const Decl *D, const SourceManager &SM) {
  if (!D || isa<TranslationUnitDecl>(D))
    return false;
  if (SM.isInSystemHeader(SM.getFileLoc(D->getLocation())))
    return true;
  const auto *DC = dyn_cast<DeclContext>(D);
  return DC && DC->isDependentContext();
}

UnitStores collectStores(ASTContext &Ctx) {
  StoreWalk Walk(Ctx);
  Walk.TraverseDecl(Ctx.getTranslationUnitDecl());
  return std::move(Walk).take();
}

} // namespace noalloc
