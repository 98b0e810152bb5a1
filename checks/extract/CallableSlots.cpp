//===--- CallableSlots.cpp - What each std::function of user code may hold ===//

#include "extract/CallableSlots.h"
#include "utils/ASTQueries.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace noalloc {

CallableStores::Stores &CallableStores::of(CallableSlot S) {
  auto [It, New] = Index.try_emplace({S.Decl, S.Index}, Slots.size());
  if (New)
    Slots.push_back({S, Stores()});
  return Slots[It->second].second;
}

bool isStdFunction(QualType T) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getNonReferenceType()->getAsCXXRecordDecl());
  return Spec && Spec->getSpecializedTemplate()->getName() == "function" &&
         Spec->isInStdNamespace();
}

bool CallableTypes::listed(QualType T) const {
  const CXXRecordDecl *Record = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!Record)
    return false;
  auto [It, New] = Listed.try_emplace(Record->getCanonicalDecl());
  if (New) {
    const NamedDecl *Named = Record;
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record))
      Named = Spec->getSpecializedTemplate();
    const TypeEntry *Entry = KB.type(qualifiedName(Named));
    It->second = Entry && Entry->HoldsCallable;
  }
  return It->second;
}

/// Whether a value of type \p T may hold a std::function: it is one, or
/// points to, refers to, or holds as an element, a base or a field, or
/// names as a template argument (a container's elements), a type that may.
static bool mayHoldCallable(QualType T,
                            llvm::SmallPtrSetImpl<const Type *> &Seen) {
  for (;;) {
    if (T.isNull() || T->isDependentType() ||
        !Seen.insert(T->getCanonicalTypeUnqualified().getTypePtr()).second)
      return false;
    if (isStdFunction(T))
      return true;
    if (T->isPointerType() || T->isReferenceType())
      T = T->getPointeeType();
    else if (const ArrayType *A = T->getAsArrayTypeUnsafe())
      T = A->getElementType();
    else
      break;
  }
  const CXXRecordDecl *Record = T->getAsCXXRecordDecl();
  if (!Record)
    return false;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record))
    for (const TemplateArgument &A : Spec->getTemplateArgs().asArray())
      if (A.getKind() == TemplateArgument::Type &&
          mayHoldCallable(A.getAsType(), Seen))
        return true;
  Record = Record->getDefinition();
  if (!Record)
    return false;
  for (const CXXBaseSpecifier &Base : Record->bases())
    if (mayHoldCallable(Base.getType(), Seen))
      return true;
  return llvm::any_of(Record->fields(), [&](const FieldDecl *Field) {
    return mayHoldCallable(Field->getType(), Seen);
  });
}

bool handsOutCallables(const FunctionDecl *FD,
                       llvm::DenseMap<const Type *, bool> &Holds) {
  auto MayHold = [&](QualType T) {
    auto [It, New] = Holds.try_emplace(T.getCanonicalType().getTypePtr());
    if (New) {
      llvm::SmallPtrSet<const Type *, 16> Seen;
      It->second = mayHoldCallable(T, Seen);
    }
    return It->second;
  };
  // Written through: a pointer or reference to something not const.
  auto Writable = [](QualType T) {
    return (T->isPointerType() || T->isReferenceType()) &&
           !T->getPointeeType().isConstQualified();
  };
  if (MayHold(FD->getReturnType()))
    return true;
  for (const ParmVarDecl *Parm : FD->parameters())
    if (Writable(Parm->getType()) && MayHold(Parm->getType()))
      return true;
  const auto *Method = dyn_cast<CXXMethodDecl>(FD);
  return Method && Method->isInstance() && !Method->isConst() &&
         !isa<CXXDestructorDecl>(Method) && MayHold(Method->getThisType());
}

namespace {

/// The slot of what a call of no slot calls (calledStores).
constexpr int Called = -3;

/// Whether \p T (not a reference) is a standard sequence of callables.
bool isFunctionSequence(QualType T, const CallableTypes &Types) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T->getAsCXXRecordDecl());
  if (!Spec || !Spec->isInStdNamespace() ||
      Spec->getTemplateArgs().size() == 0 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type ||
      !Types.holds(Spec->getTemplateArgs()[0].getAsType()))
    return false;
  StringRef Name = Spec->getSpecializedTemplate()->getName();
  return Name == "vector" || Name == "deque" || Name == "list" ||
         Name == "forward_list" || Name == "array";
}

/// The sequence whose element \p E is ('v[i]', 'v.at(i)', 'v.back()').
const Expr *elementOf(const Expr *E, const CallableTypes &Types) {
  if (!E || !Types.holds(E->getType()))
    return nullptr;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
    return Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2
               ? Op->getArg(0)
               : nullptr;
  const auto *Call = dyn_cast<CXXMemberCallExpr>(E);
  const auto *Method = Call ? Call->getMethodDecl() : nullptr;
  if (!Method || !Method->getIdentifier())
    return nullptr;
  StringRef Name = Method->getName();
  return Name == "at" || Name == "front" || Name == "back"
             ? Call->getImplicitObjectArgument()
             : nullptr;
}

/// std::move(x), std::forward<T>(x): the expression is x's.
bool isMoveOrForward(const CallExpr *E) {
  const FunctionDecl *FD = E->getDirectCallee();
  return FD && E->getNumArgs() == 1 && FD->isInStdNamespace() &&
         FD->getIdentifier() &&
         (FD->getName() == "move" || FD->getName() == "forward");
}

/// \p E without what does not change which object or callable it is:
/// parentheses, conversions, temporaries, std::move, default arguments.
const Expr *strip(const Expr *E) {
  while (E) {
    E = E->IgnoreParens();
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(E))
      E = Cast->getSubExpr();
    else if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(E))
      E = Temp->getSubExpr();
    else if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
      E = Bind->getSubExpr();
    else if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(E))
      E = Cleanups->getSubExpr();
    else if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E))
      E = Cast->getSubExpr();
    else if (const auto *Default = dyn_cast<CXXDefaultArgExpr>(E))
      E = Default->getExpr();
    else if (const auto *Default = dyn_cast<CXXDefaultInitExpr>(E))
      E = Default->getExpr();
    else if (const auto *Call = dyn_cast<CallExpr>(E);
             Call && isMoveOrForward(Call))
      E = Call->getArg(0);
    else
      return E;
  }
  return E;
}

/// The slot \p D is, if it is a std::function of user code.
std::optional<CallableSlot> slotOfDecl(const ValueDecl *D,
                                       const SourceManager &SM,
                                       const CallableTypes &Types) {
  if (!D || !isa<VarDecl, FieldDecl>(D) ||
      SM.isInSystemHeader(SM.getFileLoc(D->getLocation())))
    return std::nullopt;
  // The elements of a sequence variable or member (not a reference).
  bool Sequence =
      !isa<ParmVarDecl>(D) && isFunctionSequence(D->getType(), Types);
  if (!Sequence && !Types.holds(D->getType()))
    return std::nullopt;
  for (const DeclContext *C = D->getDeclContext(); isa<RecordDecl>(C);
       C = C->getParent())
    if (cast<RecordDecl>(C)->isUnion())
      return std::nullopt;
  if (const auto *Parm = dyn_cast<ParmVarDecl>(D)) {
    const auto *FD = dyn_cast<FunctionDecl>(Parm->getDeclContext());
    if (!FD)
      return std::nullopt;
    return CallableSlot{FD->getCanonicalDecl(),
                        int(Parm->getFunctionScopeIndex())};
  }
  return CallableSlot{D->getCanonicalDecl(),
                      Sequence ? CallableSlot::Elements : -1};
}

/// The slot a stripped expression names, and the reference naming it.
std::optional<CallableSlot> slotOf(const Expr *E, const SourceManager &SM,
                                   const CallableTypes &Types,
                                   const Expr **Ref = nullptr) {
  const ValueDecl *D = nullptr;
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E))
    D = DRE->getDecl();
  else if (const auto *ME = dyn_cast_or_null<MemberExpr>(E))
    D = ME->getMemberDecl();
  else if (const Expr *Sequence = elementOf(E, Types)) {
    std::optional<CallableSlot> S = slotOf(strip(Sequence), SM, Types);
    if (!S || S->Index != CallableSlot::Elements)
      return std::nullopt;
    if (Ref)
      *Ref = E;
    return S;
  }
  std::optional<CallableSlot> S = slotOfDecl(D, SM, Types);
  if (S && Ref)
    *Ref = E;
  return S;
}

std::string nameOf(const Decl *D) {
  if (const auto *N = dyn_cast<NamedDecl>(D))
    return "'" + N->getNameAsString() + "'";
  return "it";
}

} // namespace

void CallableSlotCollector::visit(const CXXCtorInitializer *Init) {
  if (Init->getAnyMember())
    if (auto S = slotOfDecl(Init->getAnyMember(), SM, Types))
      store(*S, Init->getInit());
}

void CallableSlotCollector::visit(const FunctionDecl *FD) {
  if (FD->isDependentContext())
    return;
  const auto *Method = dyn_cast<CXXMethodDecl>(FD);
  std::string Why;
  if (Method && Method->getParent()->isLambda())
    Why = "a lambda may be called from library code";
  else if (Method && Method->size_overridden_methods())
    Why = "a virtual call through its base reaches '" + FD->getNameAsString() +
          "'";
  if (!Why.empty())
    for (const ParmVarDecl *Parm : FD->parameters())
      if (Types.holds(Parm->getType()))
        unfollowed({FD->getCanonicalDecl(), int(Parm->getFunctionScopeIndex())},
                   Why);
}

void CallableSlotCollector::visit(const LambdaExpr *E) {
  const CXXMethodDecl *Op = E->getCallOperator();
  for (const ParmVarDecl *Parm : Op->parameters())
    if (Types.holds(Parm->getType()))
      unfollowed({Op->getCanonicalDecl(), int(Parm->getFunctionScopeIndex())},
                 "a lambda may be called from library code");
  // A capture by reference writes nothing: the body names the variable.
  for (const Expr *Init : E->capture_inits())
    if (Init && isa<DeclRefExpr>(Init->IgnoreParens()))
      Claimed.insert(Init->IgnoreParens());
}

void CallableSlotCollector::visit(const VarDecl *D) {
  if (!D->getInit() || RangeVariables.contains(D))
    return;
  if (auto S = slotOfDecl(D, SM, Types)) {
    store(*S, D->getInit());
    if (D->getType()->isReferenceType())
      writableAlias(D->getType(), D->getInit(), "bound to a reference");
  }
}

void CallableSlotCollector::visit(const FieldDecl *D) {
  if (D->hasInClassInitializer() && D->getInClassInitializer())
    if (auto S = slotOfDecl(D, SM, Types))
      store(*S, D->getInClassInitializer());
}

void CallableSlotCollector::fieldInit(const FieldDecl *Field,
                                      const Expr *Init) {
  if (auto S = slotOfDecl(Field, SM, Types))
    store(*S, Init);
}

void CallableSlotCollector::visit(const UnaryOperator *E) {
  if (E->getOpcode() == UO_AddrOf)
    if (auto S = slotOf(strip(E->getSubExpr()), SM, Types))
      unfollowed(*S, "its address is taken");
}

void CallableSlotCollector::reference(const Expr *E) {
  if (Claimed.contains(E))
    return;
  if (auto S = slotOf(E, SM, Types)) {
    PresumedLoc P = SM.getPresumedLoc(SM.getFileLoc(E->getExprLoc()));
    unfollowed(*S, "it is used at " +
                       (P.isValid()
                            ? llvm::sys::path::filename(P.getFilename()).str() +
                                  ":" + std::to_string(P.getLine())
                            : std::string("a place")) +
                       " where noalloc does not follow what it holds");
  }
}

void CallableSlotCollector::unfollowed(CallableSlot S, const std::string &Why) {
  CallableStores::Stores &Stores = Result.of(S);
  if (!Stores.Unfollowed.empty())
    return;
  if (S.Index == Called)
    Stores.Unfollowed = Why;
  else
    Stores.Unfollowed =
        (S.Index >= 0 ? "parameter " + std::to_string(S.Index + 1) + " of "
         : S.Index == CallableSlot::Elements ? "the elements of "
                                             : std::string()) +
        nameOf(S.Decl) + ": " + Why;
}

void CallableSlotCollector::writableAlias(QualType T, const Expr *Arg,
                                          StringRef How) {
  if (!T->isReferenceType() || T.getNonReferenceType().isConstQualified())
    return;
  const Expr *Ref = nullptr;
  if (auto S = slotOf(strip(Arg), SM, Types, &Ref)) {
    Claimed.insert(Ref);
    unfollowed(*S, "it is " + How.str());
  }
}

void CallableSlotCollector::arguments(const FunctionDecl *Callee,
                                      ArrayRef<const Expr *> Args) {
  bool UserCallee = !SM.isInSystemHeader(SM.getFileLoc(Callee->getLocation()));
  for (unsigned I = 0; I < Args.size(); ++I) {
    if (I >= Callee->getNumParams())
      break; // Variadic: the reference stays unclaimed.
    QualType T = Callee->getParamDecl(I)->getType();
    CallableSlot Param{Callee->getCanonicalDecl(), int(I)};
    if (UserCallee && Types.holds(T))
      store(Param, Args[I]);
    writableAlias(T, Args[I],
                  "passed by reference to '" + Callee->getNameAsString() + "'");
    // Given by value or by const reference: read.
    const Expr *Ref = nullptr;
    if (slotOf(strip(Args[I]), SM, Types, &Ref))
      Claimed.insert(Ref);
  }
}

void CallableSlotCollector::visit(const CallExpr *E) {
  const FunctionDecl *Callee = E->getDirectCallee();
  if (!Callee || isMoveOrForward(E))
    return;
  ArrayRef<const Expr *> Args(E->getArgs(), E->getNumArgs());
  const Expr *Object = nullptr;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E)) {
    Object = Member->getImplicitObjectArgument();
  } else if (isa<CXXOperatorCallExpr>(E) && isa<CXXMethodDecl>(Callee) &&
             !Args.empty()) {
    Object = Args.front();
    Args = Args.drop_front();
  }
  const Expr *Ref = nullptr;
  std::optional<CallableSlot> S =
      Object ? slotOf(strip(Object), SM, Types, &Ref) : std::nullopt;
  if (!S)
    return arguments(Callee, Args);
  if (!Types.holds(Ref->getType()))
    return sequenceCall(*S, E, Ref, Args);
  Claimed.insert(Ref);
  const auto *Method = cast<CXXMethodDecl>(Callee);
  if (Method->getOverloadedOperator() == OO_Equal && Args.size() == 1)
    store(*S, Args.front());
  else if (!Method->isConst())
    unfollowed(*S, "'" + Method->getNameAsString() + "' changes it");
  else
    arguments(Callee, Args);
}

void CallableSlotCollector::visit(const CXXConstructExpr *E) {
  const CXXConstructorDecl *Ctor = E->getConstructor();
  if (!Ctor)
    return;
  ArrayRef<const Expr *> Args(E->getArgs(), E->getNumArgs());
  if (Types.holds(E->getType())) {
    // A copy or a move reads its source (a move leaves it empty); the
    // context stores the new object.
    const Expr *Ref = nullptr;
    if (Args.size() == 1 && slotOf(strip(Args[0]), SM, Types, &Ref))
      Claimed.insert(Ref);
    return;
  }
  arguments(Ctor, Args);
}

void CallableSlotCollector::store(CallableSlot S, const Expr *Value) {
  CallableStores::Stores &Stores = Result.of(S);
  const Expr *E = strip(Value);
  if (!E || E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull) ||
      isa<ImplicitValueInitExpr>(E))
    return;
  if (S.Index == CallableSlot::Elements &&
      (isFunctionSequence(E->getType(), Types) ||
       isa<CXXStdInitializerListExpr, InitListExpr>(E)))
    return storeElements(S, E);
  if (const auto *Choice = dyn_cast<ConditionalOperator>(E)) {
    store(S, Choice->getTrueExpr());
    store(S, Choice->getFalseExpr());
    return;
  }
  if (const auto *List = dyn_cast<InitListExpr>(E);
      List && List->getNumInits() <= 1) {
    if (List->getNumInits() == 1)
      store(S, List->getInit(0));
    return;
  }
  if (!Types.holds(E->getType()))
    return storeCallable(S, E); // operator=(F &&)
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    if (Construct->getNumArgs() == 0 ||
        isa<CXXDefaultArgExpr>(Construct->getArg(0)))
      return; // Empty.
    const Expr *Arg = Construct->getArg(0);
    if (Types.holds(Arg->getType()) || Arg->getType()->isNullPtrType())
      return store(S, Arg);
    return storeMade(S, Construct->getConstructor(),
                     {Construct->getArgs(), Construct->getNumArgs()});
  }
  // A static member that makes one ('etl::delegate<void()>::create<f>()').
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const auto *Maker =
        dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee());
    const CXXRecordDecl *Made = E->getType()->getAsCXXRecordDecl();
    if (Maker && Maker->isStatic() && Made &&
        Maker->getParent()->getCanonicalDecl() == Made->getCanonicalDecl())
      return storeMade(S, Maker, {Call->getArgs(), Call->getNumArgs()});
  }
  const Expr *Ref = nullptr;
  if (auto Source = slotOf(E, SM, Types, &Ref)) {
    Claimed.insert(Ref);
    if (!(*Source == S))
      Stores.Sources.push_back(*Source);
    return;
  }
  unfollowed(S,
             S.Index == Called
                 ? "it is a std::function that noalloc does not follow"
                 : "it is given a std::function that noalloc does not follow");
}

/// A whole sequence \p E stored into the elements \p S: a list, another
/// sequence slot, or a construction from them.
void CallableSlotCollector::storeElements(CallableSlot S, const Expr *E) {
  if (const auto *List = dyn_cast<CXXStdInitializerListExpr>(E))
    return storeElements(S, strip(List->getSubExpr()));
  if (const auto *List = dyn_cast<InitListExpr>(E)) {
    // std::array's braces hold its array member's.
    for (const Expr *Init : List->inits())
      if (isa<InitListExpr>(strip(Init)) && !Types.holds(Init->getType()))
        storeElements(S, strip(Init));
      else
        store(S, Init);
    return;
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    // A count, elements, a list or a sequence; iterators are not followed.
    for (const Expr *Arg : Construct->arguments()) {
      if (isa<CXXDefaultArgExpr>(Arg) || Arg->getType()->isIntegerType())
        continue;
      if (Types.holds(Arg->getType()))
        store(S, Arg);
      else if (const Expr *Inner = strip(Arg);
               isa<CXXStdInitializerListExpr>(Inner) ||
               isFunctionSequence(Inner->getType(), Types))
        storeElements(S, Inner);
      else
        unfollowed(S, "they are made from something noalloc does not follow");
    }
    return;
  }
  const Expr *Ref = nullptr;
  if (auto Source = slotOf(E, SM, Types, &Ref);
      Source && Source->Index == CallableSlot::Elements) {
    Claimed.insert(Ref);
    if (!(*Source == S))
      Result.of(S).Sources.push_back(*Source);
    return;
  }
  unfollowed(S, "they are given a sequence that noalloc does not follow");
}

/// A call of a member of the sequence slot \p S, named by \p Ref.
void CallableSlotCollector::sequenceCall(CallableSlot S, const CallExpr *E,
                                         const Expr *Ref,
                                         ArrayRef<const Expr *> Args) {
  const auto *Method = cast<CXXMethodDecl>(E->getDirectCallee());
  // 'v[i]': what the element is used for, its user has told.
  if (elementOf(E, Types)) {
    if (Claimed.contains(E))
      Claimed.insert(Ref);
    return;
  }
  Claimed.insert(Ref);
  StringRef Name = Method->getIdentifier() ? Method->getName() : "";
  if (Method->getOverloadedOperator() == OO_Equal && Args.size() == 1)
    store(S, Args.front());
  else if (Method->isConst())
    arguments(Method, Args);
  else if (Name == "push_back" || Name == "push_front" || Name == "insert" ||
           Name.starts_with("emplace") || Name == "resize" || Name == "assign")
    addElements(S, Method, Args);
  else if (Name != "clear" && Name != "pop_back" && Name != "pop_front" &&
           Name != "erase" && Name != "reserve" && Name != "shrink_to_fit")
    unfollowed(S, "'" + Method->getNameAsString() + "' may change them");
}

/// The elements \p Method ('push_back', 'emplace', 'resize') adds.
void CallableSlotCollector::addElements(CallableSlot S,
                                        const CXXMethodDecl *Method,
                                        ArrayRef<const Expr *> Args) {
  StringRef Name = Method->getName();
  // 'insert' and 'emplace' take a position first.
  unsigned First = Name == "insert" || Name == "emplace" ? 1 : 0;
  if (Name.starts_with("emplace")) {
    // The arguments of the element's constructor.
    if (Args.size() == First + 1)
      store(S, Args[First]);
    else if (Args.size() > First + 1)
      unfollowed(S, "'" + Name.str() + "' constructs one from " +
                        std::to_string(Args.size() - First) + " arguments");
    return;
  }
  for (unsigned I = First; I < Args.size() && I < Method->getNumParams(); ++I) {
    QualType T = Method->getParamDecl(I)->getType();
    if (Types.holds(T))
      store(S, Args[I]);
    else if (!T->isIntegerType())
      unfollowed(S,
                 "'" + Name.str() + "' adds elements noalloc does not follow");
  }
}

/// 'for (auto &h : handlers_)': the variable holds what the elements hold;
/// a reference that can write them gives them what is stored into it.
void CallableSlotCollector::visit(const CXXForRangeStmt *S) {
  const VarDecl *Var = S->getLoopVariable();
  const Expr *Ref = nullptr;
  std::optional<CallableSlot> Range =
      S->getRangeInit() ? slotOf(strip(S->getRangeInit()), SM, Types, &Ref)
                        : std::nullopt;
  std::optional<CallableSlot> Each = slotOfDecl(Var, SM, Types);
  if (!Range || Range->Index != CallableSlot::Elements ||
      Types.holds(Ref->getType()) || !Each)
    return;
  Claimed.insert(Ref);
  RangeVariables.insert(Var);
  Result.of(*Each).Sources.push_back(*Range);
  QualType T = Var->getType();
  if (T->isReferenceType() && !T.getNonReferenceType().isConstQualified())
    Result.of(*Range).Sources.push_back(*Each);
}

CallableStores::Stores
CallableSlotCollector::called(const CXXOperatorCallExpr *E) {
  CallableSlot S{E->getCalleeDecl(), Called};
  store(S, E->getArg(0));
  return std::move(Result.of(S));
}

/// The one call operator of a class that is not a template, or null.
static const CXXMethodDecl *callOperator(const CXXRecordDecl *Class) {
  if (!Class || !Class->hasDefinition())
    return nullptr;
  if (Class->isLambda())
    return Class->isGenericLambda() ? nullptr : Class->getLambdaCallOperator();
  const CXXMethodDecl *Found = nullptr;
  for (const CXXMethodDecl *M : Class->methods())
    if (M->getOverloadedOperator() == OO_Call) {
      if (Found)
        return nullptr;
      Found = M;
    }
  return Found;
}

/// The function \p E names ('f', '&f', '&C::m'), or null.
static const FunctionDecl *namedFunction(const Expr *E) {
  E = strip(E);
  if (const auto *Op = dyn_cast_or_null<UnaryOperator>(E);
      Op && Op->getOpcode() == UO_AddrOf)
    E = strip(Op->getSubExpr());
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E);
  return Ref ? dyn_cast<FunctionDecl>(Ref->getDecl()) : nullptr;
}

void CallableSlotCollector::storeCallable(CallableSlot S,
                                          const Expr *Callable) {
  const Expr *E = strip(Callable);
  if (const auto *Call = dyn_cast<CallExpr>(E))
    if (const FunctionDecl *FD = Call->getDirectCallee();
        FD && FD->isInStdNamespace() && FD->getIdentifier() &&
        FD->getName() == "bind" && Call->getNumArgs() > 0)
      return storeCallable(S, Call->getArg(0));
  // A function named, or an object whose class has one call operator (a
  // lambda, 'F &&f' forwarded, a functor).
  const FunctionDecl *Target = namedFunction(E);
  if (!Target)
    if (const CXXRecordDecl *Class =
            E->getType().getNonReferenceType()->getAsCXXRecordDecl())
      Target = callOperator(Class);
  storeFunction(S, Target, E);
}

/// \p Target, the function that \p E, stored into \p S, calls, or null.
void CallableSlotCollector::storeFunction(CallableSlot S,
                                          const FunctionDecl *Target,
                                          const Expr *E) {
  if (const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Target);
      Method && Method->isVirtual())
    return unfollowed(S, "it is given the virtual '" +
                             Method->getNameAsString() +
                             "', whose overriders noalloc does not follow");
  if (!Target) {
    std::string Type =
        E->getType().getNonReferenceType().getAsString(Ctx.getPrintingPolicy());
    return unfollowed(S, "it is given a '" +
                             (Type.size() > 60 ? "callable" : Type) +
                             "' whose code noalloc does not follow");
  }
  Result.of(S).Functions.insert(Target->getCanonicalDecl());
}

/// What a constructor or static member \p Maker of a callable type, given
/// \p Args, stores: a function it names as a template argument
/// ('create<f>()', 'create<C, &C::m>(c)'), a function among its arguments
/// ('function(c, &C::m)'), or its one argument, a callable.
void CallableSlotCollector::storeMade(CallableSlot S, const FunctionDecl *Maker,
                                      ArrayRef<const Expr *> Args) {
  if (const TemplateArgumentList *Template =
          Maker->getTemplateSpecializationArgs())
    for (const TemplateArgument &A : llvm::reverse(Template->asArray()))
      if (A.getKind() == TemplateArgument::Declaration)
        if (const auto *Target = dyn_cast<FunctionDecl>(A.getAsDecl()))
          return storeFunction(S, Target, Args.empty() ? nullptr : Args[0]);
  for (const Expr *Arg : Args)
    if (const FunctionDecl *Target = namedFunction(Arg))
      return storeFunction(S, Target, Arg);
  if (Args.size() == 1)
    return storeCallable(S, Args[0]);
  unfollowed(S, "it is made from something noalloc does not follow");
}

std::optional<CallableSlot> calledCallable(const CXXOperatorCallExpr *E,
                                           const SourceManager &SM,
                                           const CallableTypes &Types) {
  if (E->getOperator() != OO_Call || E->getNumArgs() == 0)
    return std::nullopt;
  const Expr *Ref = nullptr;
  std::optional<CallableSlot> S = slotOf(strip(E->getArg(0)), SM, Types, &Ref);
  if (S && !Types.holds(Ref->getType()))
    return std::nullopt;
  return S;
}

CallableStores::Stores calledStores(const CXXOperatorCallExpr *E,
                                    ASTContext &Ctx,
                                    const CallableTypes &Types) {
  return CallableSlotCollector(Ctx, Types).called(E);
}

} // namespace noalloc
