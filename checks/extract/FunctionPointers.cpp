//===--- FunctionPointers.cpp - What each function pointer may hold -------===//

#include "extract/FunctionPointers.h"
#include "utils/ASTQueries.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/Builtins.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace noalloc {
namespace {

bool holdsFunctionPointers(const ValueDecl *D) {
  const Type *T = D->getType()->getBaseElementTypeUnsafe();
  return T->isFunctionPointerType() || T->isMemberFunctionPointerType();
}

/// The member that stands for all the function pointers of \p Union: its
/// members share their bytes, so what is written into one is what the
/// others hold ('u.writer = w' read as 'u.other'). Its other members hold
/// data, which is a function only if a function's address escapes into it
/// as data ('(void *)f'), and escaping functions count for every followed
/// pointer of their type. Null when a member is a record (or an array of
/// them), whose own followed fields the union's bytes overlap.
const FieldDecl *unionSlot(const RecordDecl *Union) {
  const FieldDecl *Slot = nullptr;
  for (const FieldDecl *Field : Union->fields()) {
    if (Field->getType()->getBaseElementTypeUnsafe()->isRecordType())
      return nullptr;
    if (!Slot && holdsFunctionPointers(Field))
      Slot = Field;
  }
  return Slot;
}

/// A variable or field of user code whose type is a pointer to function or
/// to member function, or an array of them, that noalloc follows: not a
/// parameter (its callers write it), not a field of a record inside a
/// union (the union's other members write its bytes). The function
/// pointers of one union are one followed pointer (unionSlot).
const ValueDecl *followed(const ValueDecl *D, const SourceManager &SM) {
  if (!D || isa<ParmVarDecl>(D) || !isa<VarDecl, FieldDecl>(D) ||
      D->isImplicit() || SM.isInSystemHeader(SM.getFileLoc(D->getLocation())) ||
      !holdsFunctionPointers(D))
    return nullptr;
  const DeclContext *C = D->getDeclContext();
  if (const auto *Union = dyn_cast<RecordDecl>(C); Union && Union->isUnion()) {
    D = unionSlot(Union);
    if (!D)
      return nullptr;
    C = C->getParent();
  }
  for (; isa<RecordDecl>(C); C = C->getParent())
    if (cast<RecordDecl>(C)->isUnion())
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

/// The read of the value that the argument \p Arg passes: the
/// lvalue-to-rvalue conversion under its implicit conversions ('r->fn').
const ImplicitCastExpr *passedRead(const Expr *Arg) {
  const auto *Cast = dyn_cast<ImplicitCastExpr>(Arg->IgnoreParens());
  while (Cast && Cast->getCastKind() != CK_LValueToRValue)
    Cast = dyn_cast<ImplicitCastExpr>(Cast->getSubExpr()->IgnoreParens());
  return Cast;
}

/// Whether \p E, a default member initializer of a template, is a null
/// pointer whatever the template arguments: 'fn{}', '= nullptr', '= 0'.
bool nullInitializer(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *List = dyn_cast<InitListExpr>(E))
    return List->getNumInits() == 0 ||
           (List->getNumInits() == 1 && nullInitializer(List->getInit(0)));
  if (isa<CXXNullPtrLiteralExpr, GNUNullExpr, CXXScalarValueInitExpr>(E))
    return true;
  if (const auto *Zero = dyn_cast<IntegerLiteral>(E))
    return Zero->getValue() == 0;
  return false;
}

/// Whether the field \p D of a class template specialization has a default
/// member initializer that is not instantiated (no constructor of the unit
/// uses it) and is a null pointer in the template.
bool templateDefaultIsNull(const FieldDecl *D) {
  const auto *Class = dyn_cast<CXXRecordDecl>(D->getParent());
  const CXXRecordDecl *Pattern =
      Class ? Class->getTemplateInstantiationPattern() : nullptr;
  if (!Pattern || Pattern == Class)
    return false;
  for (const NamedDecl *Found : Pattern->lookup(D->getDeclName()))
    if (const auto *Field = dyn_cast<FieldDecl>(Found))
      return Field->hasInClassInitializer() && Field->getInClassInitializer() &&
             nullInitializer(Field->getInClassInitializer());
  return false;
}

/// Whether the code of \p FD is in this unit (or is a copy member by
/// member): what it writes is seen here.
bool definedHere(const FunctionDecl *FD) {
  return FD->isDefined() || FD->isTrivial() || FD->isDefaulted();
}

/// Whether \p Var is a global variable that no file of this unit defines:
/// its initializer is another unit's, or code's that noalloc does not see.
bool definedElsewhere(const VarDecl *Var, ASTContext &Ctx) {
  return Var->hasGlobalStorage() &&
         Var->hasDefinition(Ctx) == VarDecl::DeclarationOnly;
}

/// Whether a variable of type \p T may hold followed pointers: a record,
/// a function pointer, or a pointer or array of them.
bool mayHoldPointers(QualType T) {
  for (const Type *Ty = T.getTypePtrOrNull(); Ty;) {
    if (Ty->isRecordType() || Ty->isFunctionType())
      return true;
    if (QualType Next = Ty->getPointeeType(); !Next.isNull())
      Ty = Next.getTypePtr();
    else if (Ty->isArrayType())
      Ty = Ty->getArrayElementTypeNoTypeQual();
    else
      return false;
  }
  return false;
}

/// Whether \p E is memory that 'malloc' or 'calloc' has just returned, or
/// a null pointer ('c != NULL' casts C's '((void *)0)'): it holds nothing
/// of another type.
bool fresh(const Expr *E) {
  const Expr *Value = E->IgnoreParenCasts();
  if (const auto *Zero = dyn_cast<IntegerLiteral>(Value))
    return Zero->getValue().isZero();
  if (isa<CXXNullPtrLiteralExpr, GNUNullExpr>(Value))
    return true;
  const auto *Call = dyn_cast<CallExpr>(Value);
  unsigned Builtin = Call ? Call->getBuiltinCallee() : 0;
  return Builtin == Builtin::BImalloc || Builtin == Builtin::BIcalloc;
}

/// Whether \p E fills memory with zero bytes: 'memset(p, 0, n)',
/// 'bzero(p, n)', 'explicit_bzero(p, n)'.
bool clearsToZero(const CallExpr *E, const ASTContext &Ctx) {
  switch (E->getBuiltinCallee()) {
  case Builtin::BIbzero:
  case Builtin::BI__builtin_bzero:
    return E->getNumArgs() == 2;
  case Builtin::BImemset:
  case Builtin::BI__builtin_memset:
  case Builtin::BI__builtin___memset_chk: {
    std::optional<llvm::APSInt> Value =
        E->getNumArgs() >= 3 ? E->getArg(1)->getIntegerConstantExpr(Ctx)
                             : std::nullopt;
    return Value && Value->isZero();
  }
  default:
    break;
  }
  const FunctionDecl *Callee = E->getDirectCallee();
  return Callee && Callee->isExternC() && Callee->getIdentifier() &&
         Callee->getName() == "explicit_bzero" && E->getNumArgs() == 2;
}

/// The parameter or function that \p E names as a value, through
/// parentheses, implicit conversions and '&' or '*' ('f', '&f', '*f').
const DeclRefExpr *namedValue(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Op = dyn_cast<UnaryOperator>(E);
      Op && (Op->getOpcode() == UO_AddrOf || Op->getOpcode() == UO_Deref))
    E = Op->getSubExpr()->IgnoreParenImpCasts();
  return dyn_cast<DeclRefExpr>(E);
}

/// Whether the function-pointer parameter \p P goes nowhere in its
/// function: each reference to it calls it ('f(x)'), tests it ('if (f)',
/// 'f == g'), discards it ('(void)f'), or passes it to a parameter that
/// \p Followed says goes nowhere either. Any other use (a store, even
/// into a followed pointer, which the link may not resolve; a cast; its
/// address; a capture) lets it escape.
class ParameterEscapes : public RecursiveASTVisitor<ParameterEscapes> {
public:
  ParameterEscapes(
      const ParmVarDecl *P,
      llvm::function_ref<bool(const FunctionDecl *, unsigned)> Followed)
      : P(P), Followed(Followed) {}
  bool Escapes = false;

  bool VisitCallExpr(CallExpr *E) {
    allow(E->getCallee());
    const FunctionDecl *Callee = E->getDirectCallee();
    if (!Callee || isa<CXXMethodDecl>(Callee))
      return true;
    for (unsigned I = 0, N = std::min(E->getNumArgs(), Callee->getNumParams());
         I < N; ++I)
      if (refersToParameter(E->getArg(I)) && Followed(Callee, I))
        allow(E->getArg(I));
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *E) {
    if (E->isEqualityOp() || E->isRelationalOp() || E->isLogicalOp()) {
      allow(E->getLHS());
      allow(E->getRHS());
    }
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *E) {
    if (E->getOpcode() == UO_LNot)
      allow(E->getSubExpr());
    return true;
  }
  bool VisitCastExpr(CastExpr *E) {
    if (E->getCastKind() == CK_ToVoid ||
        E->getCastKind() == CK_PointerToBoolean)
      allow(E->getSubExpr());
    return true;
  }
  bool VisitIfStmt(IfStmt *S) { return allow(S->getCond()); }
  bool VisitWhileStmt(WhileStmt *S) { return allow(S->getCond()); }
  bool VisitDoStmt(DoStmt *S) { return allow(S->getCond()); }
  bool VisitForStmt(ForStmt *S) { return allow(S->getCond()); }
  bool VisitConditionalOperator(ConditionalOperator *E) {
    return allow(E->getCond());
  }
  // What a lambda or a block does with it may happen after the function
  // returns.
  bool TraverseLambdaExpr(LambdaExpr *E) {
    Escapes |= mentions(E);
    return !Escapes;
  }
  bool TraverseBlockExpr(BlockExpr *E) {
    Escapes |= mentions(E);
    return !Escapes;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    Escapes |= E->getDecl() == P && !Allowed.contains(E);
    return !Escapes;
  }

private:
  bool refersToParameter(const Expr *E) const {
    const DeclRefExpr *Ref = namedValue(E);
    return Ref && Ref->getDecl() == P;
  }
  bool allow(const Expr *E) {
    if (const DeclRefExpr *Ref = E ? namedValue(E) : nullptr)
      Allowed.insert(Ref);
    return true;
  }
  bool mentions(Expr *E) {
    struct Finder : RecursiveASTVisitor<Finder> {
      const ParmVarDecl *P;
      bool Found = false;
      bool VisitDeclRefExpr(DeclRefExpr *E) {
        Found |= E->getDecl() == P;
        return !Found;
      }
    } Find;
    Find.P = P;
    Find.TraverseStmt(E);
    return Find.Found;
  }

  const ParmVarDecl *P;
  llvm::function_ref<bool(const FunctionDecl *, unsigned)> Followed;
  llvm::DenseSet<const DeclRefExpr *> Allowed;
};

} // namespace

void PointerStoreCollector::visit(const CXXCtorInitializer *Init) {
  if (const ValueDecl *P = followed(Init->getAnyMember(), SM))
    store(P, Init->getInit());
}

void PointerStoreCollector::visit(const CallExpr *E) {
  if (const ImplicitCastExpr *Read = calledRead(E))
    Harmless.insert(Read);
  // What library code gives to unseen code is user code's: the call that
  // user code makes tells.
  if (InLibrary)
    return libraryByteCopy(E);
  if (const auto *Callee =
          dyn_cast<DeclRefExpr>(E->getCallee()->IgnoreParenImpCasts()))
    DirectCallees.insert(Callee);
  passFunctions(E);
  // 'free(o)' reads nothing of what 'o' points to as another type.
  if (E->getBuiltinCallee() == Builtin::BIfree && E->getNumArgs() == 1)
    for (const Expr *Arg = E->getArg(0)->IgnoreParens();
         const auto *Cast = dyn_cast<CastExpr>(Arg);
         Arg = Cast->getSubExpr()->IgnoreParens())
      Freed.insert(Cast);
  if (clearsToZero(E, Ctx))
    cleared(E->getArg(0));
  std::optional<UnseenWriter> Writer = writer(E);
  if (!Writer)
    return;
  // What unseen code is given, or returns, it may have written.
  unseen(E->getType(), *Writer);
  for (const Expr *Arg : E->arguments())
    unseen(Arg->getType(), *Writer);
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E))
    if (const Expr *Object = Member->getImplicitObjectArgument())
      unseen(Object->getType(), *Writer);
}

void PointerStoreCollector::passFunctions(const CallExpr *E) {
  const FunctionDecl *Callee = E->getDirectCallee();
  if (!Callee || isa<CXXMethodDecl>(Callee))
    return;
  for (unsigned I = 0, N = std::min(E->getNumArgs(), Callee->getNumParams());
       I < N; ++I) {
    const Expr *Arg = E->getArg(I);
    if (const DeclRefExpr *Ref = namedValue(Arg);
        Ref && isa<FunctionDecl>(Ref->getDecl()) &&
        followedParameter(Callee, I))
      Result.Stored.insert(Ref);
    // A followed pointer's value given to such a parameter is called or
    // tested there, not copied: what is stored into the pointer stays
    // where the link looks for it ('run(r->fn)', Lua's luaL_Reg loops).
    else if (const ImplicitCastExpr *Read = passedRead(Arg);
             Read && followed(declOf(named(Read->getSubExpr())), SM) &&
             followedParameter(Callee, I)) {
      Harmless.insert(Read);
      Result.PassedReads.insert(Arg->IgnoreParens());
    }
  }
}

bool PointerStoreCollector::followedParameter(const FunctionDecl *Callee,
                                              unsigned I) {
  const FunctionDecl *Definition = unitDefinitionRun(Callee);
  if (!Definition || I >= Definition->getNumParams() ||
      SM.isInSystemHeader(SM.getFileLoc(Definition->getLocation())))
    return false;
  const ParmVarDecl *P = Definition->getParamDecl(I);
  QualType T = P->getType();
  if (!T->isFunctionPointerType() && !T->isFunctionReferenceType())
    return false;
  // A cycle of calls that passes it on to itself: taken as an escape (an
  // answer that assumed the contrary could stand for a parameter whose
  // other uses let it escape).
  auto [It, New] = FollowedParameters.try_emplace(P, false);
  if (!New)
    return It->second;
  auto Followed = [&](const FunctionDecl *F, unsigned J) {
    return followedParameter(F, J);
  };
  ParameterEscapes Uses(P, Followed);
  Uses.TraverseStmt(Definition->getBody());
  // The iterator may have moved while the uses asked for other parameters.
  return FollowedParameters[P] = !Uses.Escapes;
}

void PointerStoreCollector::libraryByteCopy(const CallExpr *E) {
  unsigned Builtin = E->getBuiltinCallee();
  if ((Builtin != Builtin::BImemcpy && Builtin != Builtin::BI__builtin_memcpy &&
       Builtin != Builtin::BImemmove &&
       Builtin != Builtin::BI__builtin_memmove) ||
      E->getNumArgs() < 2)
    return;
  QualType Into = E->getArg(0)->IgnoreParenImpCasts()->getType();
  QualType From = E->getArg(1)->IgnoreParenImpCasts()->getType();
  // Objects copied into objects of their type ('std::copy' of trivial
  // elements) keep what they held.
  if (Into->isPointerType() && From->isPointerType() &&
      Ctx.hasSameUnqualifiedType(Into->getPointeeType(),
                                 From->getPointeeType()))
    return;
  unseen(Into);
  unseen(From);
}

/// The function whose call returned \p E, the pointer or object a call
/// runs through ('factory()', '*factory()', 'getF()()'), or null.
static const FunctionDecl *returnedBy(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Deref = dyn_cast<UnaryOperator>(E);
      Deref && Deref->getOpcode() == UO_Deref)
    E = Deref->getSubExpr()->IgnoreParenImpCasts();
  const auto *Call = dyn_cast<CallExpr>(E);
  if (!Call || Call->getBuiltinCallee())
    return nullptr;
  if (const FunctionDecl *Callee = Call->getDirectCallee())
    return Callee;
  // A pointer that a call returned, called: what it returns is as unseen.
  return returnedBy(Call->getCallee());
}

std::optional<UnseenWriter>
PointerStoreCollector::writer(const CallExpr *E) const {
  // The compiler's builtins: what they copy as bytes goes through casts.
  if (E->getBuiltinCallee())
    return std::nullopt;
  UnseenWriter Writer;
  const FunctionDecl *Callee = E->getDirectCallee();
  if (!Callee) {
    const Expr *Called = E->getCallee()->IgnoreParens();
    QualType Pointer = E->getCallee()->getType();
    if (const auto *Member = dyn_cast<BinaryOperator>(Called);
        Member && Member->isPtrMemOp())
      Pointer = Member->getRHS()->getType();
    // A block is no function the link can name.
    if (Pointer->isFunctionPointerType() ||
        Pointer->isMemberFunctionPointerType()) {
      Writer.Pointer = Pointer.getCanonicalType().getTypePtr();
      Writer.ReturnedBy = returnedBy(E->getCallee());
      if (!Writer.ReturnedBy)
        Writer.Through = calledPointer(E, SM);
    }
    return Writer;
  }
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
      Method && Method->isVirtual()) {
    const Expr *Object = nullptr;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E))
      Object = Member->getImplicitObjectArgument();
    else if (isa<CXXOperatorCallExpr>(E) && E->getNumArgs())
      Object = E->getArg(0);
    const CXXMethodDecl *Known =
        Object ? Method->getDevirtualizedMethod(Object, /*IsAppleKext=*/false)
               : nullptr;
    if (!Known) {
      Writer.Function = Method;
      Writer.Virtual = true;
      Writer.ReturnedBy = Object ? returnedBy(Object) : nullptr;
      return Writer;
    }
    Callee = Known;
  }
  if (definedHere(Callee))
    return std::nullopt;
  Writer.Function = Callee;
  return Writer;
}

void PointerStoreCollector::visit(const CXXConstructExpr *E) {
  // Library code constructing its own objects gives them what user code
  // gave it.
  if (definedHere(E->getConstructor()) ||
      (InLibrary &&
       SM.isInSystemHeader(SM.getFileLoc(E->getConstructor()->getLocation()))))
    return;
  UnseenWriter Writer;
  Writer.Function = E->getConstructor();
  unseen(E->getType(), Writer);
  for (const Expr *Arg : E->arguments())
    unseen(Arg->getType(), Writer);
}

void PointerStoreCollector::visit(const ExplicitCastExpr *E) { cast(E); }

void PointerStoreCollector::cast(const CastExpr *E) {
  // Library code casts its objects' addresses to 'void *' to construct
  // them in place: of its casts, only a bit cast reads one type's bytes as
  // another's.
  if (Freed.contains(E) || Cleared.contains(E) ||
      (InLibrary && E->getCastKind() != CK_LValueToRValueBitCast))
    return;
  if (E->getCastKind() == CK_NoOp)
    return effectConversion(E);
  switch (E->getCastKind()) {
  case CK_BitCast:
  case CK_LValueBitCast:
  case CK_LValueToRValueBitCast:
  case CK_PointerToIntegral:
  case CK_IntegralToPointer:
  case CK_ToUnion:
    break;
  default:
    return;
  }
  // The bytes of one type read as another's: 'memcpy(&o, &raw, n)'.
  unseen(E->getSubExpr()->getType());
  if (!fresh(E->getSubExpr()) && !ReadsNoPointers.contains(E))
    unseen(E->getType());
}

void PointerStoreCollector::cleared(const Expr *Destination) {
  for (const Expr *Arg = Destination->IgnoreParens();
       const auto *Cast = dyn_cast<CastExpr>(Arg);
       Arg = Cast->getSubExpr()->IgnoreParens()) {
    Cleared.insert(Cast);
    QualType Object = Cast->getSubExpr()->getType();
    if (Object->isPointerType())
      Object = Object->getPointeeType();
    nullStored(Object);
  }
}

void PointerStoreCollector::nullStored(QualType Object) {
  // Its bytes, and those of the records and arrays it holds, not what its
  // pointers point to.
  const RecordDecl *Record =
      Object->getBaseElementTypeUnsafe()->getAsRecordDecl();
  if (!Record || !(Record = Record->getDefinition()))
    return;
  if (const auto *Class = dyn_cast<CXXRecordDecl>(Record))
    for (const CXXBaseSpecifier &Base : Class->bases())
      nullStored(Base.getType());
  for (const FieldDecl *Field : Record->fields())
    if (const ValueDecl *P = followed(Field, SM))
      Result.Pointers[P].NullStored = true;
    else
      nullStored(Field->getType());
}

void PointerStoreCollector::effectConversion(const CastExpr *E) {
  if (!callsNonallocating(E->getType()) ||
      callsNonallocating(E->getSubExpr()->getType()))
    return;
  const Expr *Source = E->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *Address = dyn_cast<UnaryOperator>(Source);
      Address && Address->getOpcode() == UO_AddrOf)
    Source = Address->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *FD = dyn_cast_or_null<FunctionDecl>(declOf(named(Source))))
    Result.EffectConversions.insert(FD->getCanonicalDecl());
}

void PointerStoreCollector::unseen(QualType T, const UnseenWriter &Writer) {
  // Through pointers, references and arrays, to the records they reach.
  for (const Type *Ty = T.getTypePtrOrNull(); Ty;) {
    if (const RecordDecl *Record = Ty->getAsRecordDecl())
      return unseen(Record, Writer);
    if (QualType Next = Ty->getPointeeType(); !Next.isNull())
      Ty = Next.getTypePtr();
    else if (Ty->isArrayType())
      Ty = Ty->getArrayElementTypeNoTypeQual();
    else
      return;
  }
}

void PointerStoreCollector::unseen(const RecordDecl *Record,
                                   const UnseenWriter &Writer) {
  Record = Record->getDefinition();
  // Once by each writer, and not at all once code no one can name has.
  if (!Record || Unseen.count({Record, UnseenWriter().key()}) ||
      !Unseen.insert({Record, Writer.key()}).second)
    return;
  if (const auto *Class = dyn_cast<CXXRecordDecl>(Record))
    for (const CXXBaseSpecifier &Base : Class->bases())
      unseen(Base.getType(), Writer);
  for (const FieldDecl *Field : Record->fields())
    if (const ValueDecl *P = followed(Field, SM))
      unseen(P, Writer);
    else
      unseen(Field->getType(), Writer);
}

void PointerStoreCollector::unseen(const ValueDecl *P,
                                   const UnseenWriter &Writer) {
  PointerStores::Stores &S = Result.Pointers[P];
  if (!Writer.named())
    S.OtherWrites = true;
  else if (!llvm::is_contained(S.Writers, Writer))
    S.Writers.push_back(Writer);
}

void PointerStoreCollector::condition(const Expr *E) {
  if (E)
    harmless(E);
}

void PointerStoreCollector::visit(const BinaryOperator *E) {
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
}

void PointerStoreCollector::visit(const UnaryOperator *E) {
  if (E->getOpcode() == UO_LNot)
    harmless(E->getSubExpr());
}

void PointerStoreCollector::visit(const ImplicitCastExpr *E) {
  cast(E);
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
}

void PointerStoreCollector::visit(const LambdaExpr *E) {
  // A capture neither writes the variable nor copies it elsewhere: the
  // lambda's body names the variable itself, and is visited.
  for (const Expr *Init : E->capture_inits())
    if (Init) {
      harmless(Init);
      if (const Expr *Target = named(Init))
        Claimed.insert(Target);
    }
}

void PointerStoreCollector::visit(const VarDecl *D) {
  // A library template's variables are no followed pointers.
  if (InLibrary)
    return;
  if (D->hasGlobalStorage() && !D->isLocalVarDecl() &&
      D->isExternallyVisible() &&
      D->isThisDeclarationADefinition() != VarDecl::DeclarationOnly &&
      mayHoldPointers(D->getType()))
    Result.Variables.insert(D->getCanonicalDecl());
  if (const ValueDecl *P = followed(D, SM); P && D->getInit())
    store(P, D->getInit());
}

void PointerStoreCollector::visit(const FieldDecl *D) {
  // A library's union (std::optional's storage) is read as the member
  // written.
  if (InLibrary)
    return;
  // A union's members share their bytes: one written, another is read.
  if (D->getParent()->isUnion())
    unseen(D->getType());
  const ValueDecl *P = followed(D, SM);
  if (!P || !D->hasInClassInitializer())
    return;
  if (const Expr *Init = D->getInClassInitializer())
    store(P, Init);
  else if (templateDefaultIsNull(D))
    Result.Pointers[P].NullStored = true;
  else
    // A template's initializer that no constructor of the unit instantiates,
    // not null ('T (*fn)(T) = &T::make'): a function noalloc does not see.
    Result.Pointers[P].OtherWrites = true;
}

void PointerStoreCollector::fieldInit(const FieldDecl *Field,
                                      const Expr *Init) {
  if (const ValueDecl *P = followed(Field, SM))
    store(P, Init);
}

void PointerStoreCollector::reference(const Expr *E, const ValueDecl *D) {
  if (!InLibrary)
    userReference(E, D);
  // '&static_cast<Any *>(other)->buffer': what the cast's pointer reads or
  // writes is a field that holds no followed pointer.
  if (const auto *Member = dyn_cast<MemberExpr>(E);
      Member && isa<FieldDecl>(D) && !mayHoldPointers(D->getType()))
    if (const auto *Cast =
            dyn_cast<CastExpr>(Member->getBase()->IgnoreParens()))
      ReadsNoPointers.insert(Cast);
  if (const ValueDecl *P = followed(D, SM); P && !Claimed.contains(E)) {
    PointerStores::Stores &S = Result.Pointers[P];
    S.OtherWrites = S.Copied = true;
  }
}

void PointerStoreCollector::userReference(const Expr *E, const ValueDecl *D) {
  if (const auto *Var = dyn_cast<VarDecl>(D);
      Var && definedElsewhere(Var, Ctx)) {
    // What it holds before any write is its initializer's, not in view.
    UnseenWriter Writer;
    Writer.Variable = Var->getCanonicalDecl();
    if (const ValueDecl *P = followed(Var, SM))
      unseen(P, Writer);
    unseen(Var->getType(), Writer);
  }
  if (const auto *Function = dyn_cast<FunctionDecl>(D);
      Function && isa<DeclRefExpr>(E) && !DirectCallees.contains(E))
    addressTaken(Function);
}

void PointerStoreCollector::addressTaken(const FunctionDecl *FD) {
  // Through a pointer to member, a virtual function dispatches.
  const auto *Method = dyn_cast<CXXMethodDecl>(FD);
  bool Virtual = Method && Method->isVirtual();
  if (!Virtual && definedHere(FD))
    return;
  UnseenWriter Writer;
  Writer.Function = FD;
  Writer.Virtual = Virtual;
  if (Method && Method->isInstance())
    unseen(Method->getThisType(), Writer);
  unseen(FD->getReturnType(), Writer);
  for (const ParmVarDecl *Parameter : FD->parameters())
    unseen(Parameter->getType(), Writer);
}

void PointerStoreCollector::harmless(const Expr *E) {
  if (const auto *Read = dyn_cast<ImplicitCastExpr>(E->IgnoreParens()))
    Harmless.insert(Read);
}

void PointerStoreCollector::store(const ValueDecl *P, const Expr *Value) {
  PointerStores::Stores &S = Result.Pointers[P];
  if (!resolve(P, Value, S))
    S.OtherWrites = true;
}

/// Adds the functions \p Value may be to \p S; false if it is something
/// else than functions written out, a null pointer, or \p P itself.
bool PointerStoreCollector::resolve(const ValueDecl *P, const Expr *Value,
                                    PointerStores::Stores &S) {
  if (!Value)
    return true;
  const Expr *E = Value->IgnoreParenImpCasts();
  if (Value->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull) ||
      isa<ImplicitValueInitExpr, CXXScalarValueInitExpr>(E) ||
      (isa<InitListExpr>(E) &&
       llvm::cast<InitListExpr>(E)->getNumInits() == 0)) {
    S.NullStored = true;
    return true;
  }
  if (const auto *Default = dyn_cast<CXXDefaultInitExpr>(E))
    return resolve(P, Default->getExpr(), S);
  if (const auto *Default = dyn_cast<CXXDefaultArgExpr>(E))
    return resolve(P, Default->getExpr(), S);
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
  // '(gen_fn)make_node': stored all the same, as a pointer of another type
  // (whose calls may run it: its cast signature).
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E);
      Cast && calledFunctionType(Cast->getType()).first->isFunctionType())
    return resolve(P, Cast->getSubExpr(), S);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E);
      Ref && isa<ParmVarDecl>(Ref->getDecl()) && !InLibrary) {
    S.Parameters.insert(Ref);
    return true;
  }
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
  // What a function the unit does not define returned ('w = factory()',
  // '(Handler)dlsym(h, "f")') may be a function the program does not have.
  if (const FunctionDecl *Returner = returnedBy(E->IgnoreParenCasts())) {
    if (!definedHere(Returner))
      S.Returners.insert(Returner->getCanonicalDecl());
    return false;
  }
  // A copy of the pointer into itself: a copy constructor.
  if (const auto *Loop = dyn_cast<ArrayInitLoopExpr>(E))
    E = Loop->getCommonExpr()->getSourceExpr();
  const Expr *Source = E ? named(E) : nullptr;
  const ValueDecl *From = Source ? followed(declOf(Source), SM) : nullptr;
  if (!From || From != P) {
    // A copy of a pointer clients outside the run may store into
    // ('global_hooks.deallocate = hooks->free_fn'): theirs may be in it.
    S.FromClients |= From && openToClients(From, SM);
    return false;
  }
  Claimed.insert(Source);
  for (const Expr *Read = Value->IgnoreParens();
       const auto *Cast = dyn_cast<ImplicitCastExpr>(Read);
       Read = Cast->getSubExpr()->IgnoreParens())
    Harmless.insert(Cast);
  return true;
}

/// Whether \p D is declared where code outside the run sees it: in a
/// header of user code, not in the unit's main file nor a system header.
static bool inUserHeader(const Decl *D, const SourceManager &SM) {
  SourceLocation Loc = SM.getExpansionLoc(D->getLocation());
  return Loc.isValid() && !SM.isInMainFile(Loc) && !SM.isInSystemHeader(Loc);
}

/// Whether code outside the run can name \p Record: a header defines it,
/// with external linkage (no anonymous namespace, no local class).
static bool nameableRecord(const RecordDecl *Record, const SourceManager &SM) {
  const RecordDecl *Named = Record->getDefinition();
  if (!Named || !inUserHeader(Named, SM))
    return false;
  // An unnamed record is named through the one that holds it ('struct {
  // ... } ops;', an anonymous union).
  while (!Named->hasNameForLinkage()) {
    Named = dyn_cast<RecordDecl>(Named->getDeclContext());
    if (!Named)
      return false;
  }
  // C gives a record no linkage: one outside a function is any unit's.
  if (!Named->getASTContext().getLangOpts().CPlusPlus)
    return !Named->getParentFunctionOrMethod();
  return Named->isExternallyVisible();
}

bool openToClients(const ValueDecl *D, const SourceManager &SM) {
  if (const auto *Method = dyn_cast<CXXMethodDecl>(D))
    return Method->isVirtual() && nameableRecord(Method->getParent(), SM);
  if (const auto *Record = dyn_cast<RecordDecl>(D->getDeclContext()))
    return D->getAccess() != AS_private && nameableRecord(Record, SM);
  const auto *Var = dyn_cast<VarDecl>(D);
  return Var && Var->hasGlobalStorage() && !Var->isStaticLocal() &&
         Var->isExternallyVisible() && !Var->getType().isConstQualified() &&
         llvm::any_of(Var->redecls(), [&](const VarDecl *Redecl) {
           return inUserHeader(Redecl, SM);
         });
}

const FunctionDecl *unitDefinitionRun(const FunctionDecl *F) {
  const FunctionDecl *Definition = nullptr;
  // A weak or inline-only definition may not be the one that runs: a
  // strong or external definition elsewhere may.
  if (!F || !F->hasBody(Definition) || Definition->isWeak() ||
      isInlineOnlyDefinition(Definition))
    return nullptr;
  return Definition;
}

const ValueDecl *calledPointer(const CallExpr *E, const SourceManager &SM) {
  const ImplicitCastExpr *Read = calledRead(E);
  return Read ? followed(declOf(named(Read->getSubExpr())), SM) : nullptr;
}

const ValueDecl *passedPointer(const Expr *Arg, const SourceManager &SM) {
  const ImplicitCastExpr *Read = passedRead(Arg);
  return Read ? followed(declOf(named(Read->getSubExpr())), SM) : nullptr;
}

void functionsInConstant(const APValue &V,
                         llvm::SmallSetVector<const FunctionDecl *, 4> &Out) {
  switch (V.getKind()) {
  case APValue::LValue:
    if (const auto *D = V.getLValueBase().dyn_cast<const ValueDecl *>())
      if (const auto *FD = dyn_cast<FunctionDecl>(D))
        Out.insert(FD);
    return;
  case APValue::MemberPointer:
    if (const auto *FD =
            dyn_cast_or_null<FunctionDecl>(V.getMemberPointerDecl()))
      Out.insert(FD);
    return;
  case APValue::Array:
    for (unsigned I = 0, E = V.getArrayInitializedElts(); I < E; ++I)
      functionsInConstant(V.getArrayInitializedElt(I), Out);
    if (V.hasArrayFiller())
      functionsInConstant(V.getArrayFiller(), Out);
    return;
  case APValue::Struct:
    for (unsigned I = 0, E = V.getStructNumBases(); I < E; ++I)
      functionsInConstant(V.getStructBase(I), Out);
    for (unsigned I = 0, E = V.getStructNumFields(); I < E; ++I)
      functionsInConstant(V.getStructField(I), Out);
    return;
  case APValue::Union:
    if (V.getUnionField())
      functionsInConstant(V.getUnionValue(), Out);
    return;
  default:
    return;
  }
}

} // namespace noalloc
