//===--- ParameterGuards.cpp - Code that runs only for some arguments -----===//

#include "extract/ParameterGuards.h"
#include "extract/FunctionPointers.h"
#include "utils/ASTQueries.h"
#include "utils/ParentIndex.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Index/USRGeneration.h"

using namespace clang;

namespace noalloc {

/// Whether a guard or an argument may be about a parameter of type \p T:
/// one compared by value, as a 64-bit integer at most.
static bool isFollowedType(QualType T, const ASTContext &Ctx) {
  if (T->isReferenceType() || T.isVolatileQualified())
    return false;
  if (T->isPointerType())
    return true;
  return T->isIntegralOrEnumerationType() && Ctx.getIntWidth(T) <= 64;
}

const std::string &FieldKeys::of(const FieldDecl *F) {
  auto [It, New] = Keys.try_emplace(F);
  llvm::SmallString<128> Buf;
  if (New && !index::generateUSRForDecl(F, Buf))
    It->second = std::string(Buf);
  return It->second;
}

/// The local variable of record type \p E names, if any: one of the
/// function's own objects.
static const VarDecl *localRecord(const Expr *E) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParens());
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Var && Var->hasLocalStorage() && Var->getType()->isRecordType()
             ? Var
             : nullptr;
}

/// The local variable whose storage \p E is part of ('local.a.b',
/// 'array[i].b'), if any: not through a pointer or a reference.
static const VarDecl *localRoot(const Expr *E) {
  while (true) {
    E = E->IgnoreParens();
    if (const auto *Member = dyn_cast<MemberExpr>(E);
        Member && !Member->isArrow())
      E = Member->getBase();
    else if (const auto *Element = dyn_cast<ArraySubscriptExpr>(E);
             Element && Element->getBase()
                            ->IgnoreParenImpCasts()
                            ->getType()
                            ->isArrayType())
      E = Element->getBase()->IgnoreParenImpCasts();
    else
      break;
  }
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Var && Var->hasLocalStorage() && !Var->getType()->isReferenceType()
             ? Var
             : nullptr;
}

namespace {
/// Counts, per parameter, the names of it and those that only read it;
/// collects the statements that may guard a part of theirs, the fields the
/// body writes and what it does with its local records.
class BodyUses : public RecursiveASTVisitor<BodyUses> {
public:
  explicit BodyUses(const ASTContext &Ctx) : Ctx(Ctx) {}
  bool shouldVisitImplicitCode() const { return true; }
  bool VisitStmt(Stmt *S) {
    const auto *Logic = dyn_cast<BinaryOperator>(S);
    if (isa<IfStmt, ConditionalOperator, WhileStmt, ForStmt>(S) ||
        (Logic && Logic->isLogicalOp()))
      Choices.push_back(S);
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (const auto *Parm = dyn_cast<ParmVarDecl>(E->getDecl()))
      ++Names[Parm];
    if (const VarDecl *Local = localRecord(E))
      ++RecordNames[Local];
    return true;
  }
  bool VisitImplicitCastExpr(ImplicitCastExpr *E) {
    const auto *Ref = dyn_cast<DeclRefExpr>(E->getSubExpr()->IgnoreParens());
    if (E->getCastKind() == CK_LValueToRValue && Ref)
      if (const auto *Parm = dyn_cast<ParmVarDecl>(Ref->getDecl()))
        ++Reads[Parm];
    return true;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    if (!E->isArrow() && isa<FieldDecl>(E->getMemberDecl()))
      if (const VarDecl *Local = localRecord(E->getBase()))
        ++RecordUses[Local];
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *E) {
    if (E->isAssignmentOp())
      write(E->getLHS(), E->getOpcode() == BO_Assign ? E : nullptr);
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *E) {
    // The address of a field may be written through; that of an object is
    // followed where it is written through.
    const auto *Member = dyn_cast<MemberExpr>(E->getSubExpr()->IgnoreParens());
    if (E->isIncrementDecrementOp() || (E->getOpcode() == UO_AddrOf && Member &&
                                        !Member->getType()->isRecordType()))
      write(E->getSubExpr());
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *E) {
    if (E->isAssignmentOp() && E->getNumArgs() > 0)
      write(E->getArg(0));
    return true;
  }
  bool VisitCallExpr(CallExpr *E);
  // 'return local;' copies it out: its address goes nowhere.
  bool VisitReturnStmt(ReturnStmt *S) {
    if (const Expr *Value = S->getRetValue())
      if (const VarDecl *Local = localRecord(Value->IgnoreImplicit()))
        ++RecordUses[Local];
    return true;
  }
  bool VisitVarDecl(VarDecl *D) {
    QualType T = D->getType();
    if (T->isReferenceType() && !T.getNonReferenceType().isConstQualified() &&
        D->getInit())
      write(D->getInit());
    return true;
  }

  llvm::DenseMap<const ParmVarDecl *, unsigned> Names, Reads;
  std::vector<const Stmt *> Choices;
  /// Of each local record: its names, and those that are 'local.field' or
  /// '&local' passed to a call.
  llvm::DenseMap<const VarDecl *, unsigned> RecordNames, RecordUses;
  llvm::SmallPtrSet<const FieldDecl *, 4> Written;
  llvm::SmallPtrSet<const VarDecl *, 4> Whole;
  llvm::DenseMap<std::pair<const VarDecl *, const FieldDecl *>,
                 llvm::SmallVector<const BinaryOperator *, 1>>
      LocalWrites;

private:
  /// \p Target is written, by \p Store when it is a plain assignment.
  void write(const Expr *Target, const BinaryOperator *Store = nullptr);
  /// What \p Pointer points to is written (memset).
  void writePointee(const Expr *Pointer);
  void writeField(const FieldDecl *F);
  void writeRecord(QualType T);

  const ASTContext &Ctx;
  llvm::SmallPtrSet<const RecordDecl *, 4> WrittenRecords;
};
} // namespace

bool BodyUses::VisitCallExpr(CallExpr *E) {
  for (const Expr *Arg : E->arguments())
    if (const auto *Address = dyn_cast<UnaryOperator>(Arg->IgnoreParens());
        Address && Address->getOpcode() == UO_AddrOf)
      if (const VarDecl *Local = localRecord(Address->getSubExpr()))
        ++RecordUses[Local];
  const FunctionDecl *Callee = E->getDirectCallee();
  if (!Callee)
    return true;
  switch (Callee->getMemoryFunctionKind()) {
  case Builtin::BImemset:
  case Builtin::BImemcpy:
  case Builtin::BImemmove:
  case Builtin::BIbzero:
    if (E->getNumArgs() > 0)
      writePointee(E->getArg(0));
    break;
  default:
    break;
  }
  for (unsigned I = 0, N = std::min(E->getNumArgs(), Callee->getNumParams());
       I < N; ++I) {
    QualType T = Callee->getParamDecl(I)->getType();
    if (T->isLValueReferenceType() &&
        !T.getNonReferenceType().isConstQualified())
      write(E->getArg(I));
  }
  return true;
}

void BodyUses::write(const Expr *Target, const BinaryOperator *Store) {
  Target = Target->IgnoreParens();
  const auto *Member = dyn_cast<MemberExpr>(Target);
  const auto *Field =
      Member ? dyn_cast<FieldDecl>(Member->getMemberDecl()) : nullptr;
  if (const VarDecl *Local = localRoot(Target)) {
    if (Field)
      LocalWrites[{Local, Field}].push_back(Store);
    else
      Whole.insert(Local);
  } else if (Field) {
    writeField(Field);
  } else {
    writeRecord(Target->getType());
  }
}

void BodyUses::writePointee(const Expr *Pointer) {
  const Expr *Bare = Pointer->IgnoreParenImpCasts();
  if (const auto *Address = dyn_cast<UnaryOperator>(Bare);
      Address && Address->getOpcode() == UO_AddrOf)
    return write(Address->getSubExpr());
  if (const VarDecl *Local =
          Bare->getType()->isArrayType() ? localRoot(Bare) : nullptr)
    Whole.insert(Local);
  else if (Bare->getType()->isArrayType())
    writeRecord(Bare->getType());
  else if (Bare->getType()->isPointerType())
    writeRecord(Bare->getType()->getPointeeType());
}

void BodyUses::writeField(const FieldDecl *F) {
  Written.insert(F);
  writeRecord(F->getType());
}

void BodyUses::writeRecord(QualType T) {
  const RecordDecl *Record = Ctx.getBaseElementType(T)->getAsRecordDecl();
  if (!Record || !WrittenRecords.insert(Record).second)
    return;
  if (const RecordDecl *Definition = Record->getDefinition())
    Record = Definition;
  for (const FieldDecl *F : Record->fields())
    writeField(F);
  if (const auto *Class = dyn_cast<CXXRecordDecl>(Record);
      Class && Class->hasDefinition())
    for (const CXXBaseSpecifier &Base : Class->bases())
      writeRecord(Base.getType());
}

ParameterGuards::ParameterGuards(const FunctionDecl &FD, ASTContext &Ctx,
                                 FieldKeys &Keys)
    : Ctx(Ctx), Keys(Keys), Body(FD.getBody()) {
  if (!Body)
    return;
  BodyUses Uses(Ctx);
  // The whole declaration: a constructor's initializers may change one.
  Uses.TraverseDecl(const_cast<FunctionDecl *>(&FD));
  Written = std::move(Uses.Written);
  LocalWrites = std::move(Uses.LocalWrites);
  Escaping = std::move(Uses.Whole);
  for (auto [Local, Names] : Uses.RecordNames)
    if (Uses.RecordUses.lookup(Local) != Names)
      Escaping.insert(Local);
  // A coroutine's body reads copies of its parameters; a function with an
  // explicit object parameter numbers its parameters unlike its calls.
  if (isa<CoroutineBodyStmt>(Body) ||
      FD.hasCXXExplicitFunctionObjectParameter())
    return;
  for (const ParmVarDecl *Parm : FD.parameters())
    if (isFollowedType(Parm->getType(), Ctx) &&
        Uses.Names.lookup(Parm) == Uses.Reads.lookup(Parm))
      Unchanged.insert(Parm);
  // Without a statement that guards a part of its own, no code of the body
  // is guarded: of() need not climb (the parents of an instantiation's
  // code are costly to index).
  Climbs = llvm::any_of(Uses.Choices, [&](const Stmt *Choice) {
    return llvm::any_of(Choice->children(), [&](const Stmt *Part) {
      std::vector<ParameterValue> Guards;
      if (Part)
        partGuards(Choice, Part, Guards);
      return !Guards.empty();
    });
  });
}

std::optional<ParameterGuards::Followed>
ParameterGuards::followed(const Expr *E) const {
  const Expr *Bare = E->IgnoreParenImpCasts();
  const auto *Member = dyn_cast<MemberExpr>(Bare);
  const auto *Field = Member && Member->isArrow()
                          ? dyn_cast<FieldDecl>(Member->getMemberDecl())
                          : nullptr;
  // 'p->field', of a type compared by value, that the function never
  // writes: the value the caller gave it.
  if (Field) {
    if (!isFollowedType(Field->getType(), Ctx) ||
        Field->getParent()->isUnion() || Written.contains(Field) ||
        Keys.of(Field).empty())
      return std::nullopt;
    Bare = Member->getBase()->IgnoreParenImpCasts();
  } else if (Member) {
    return std::nullopt;
  }
  const auto *Ref = dyn_cast<DeclRefExpr>(Bare);
  const auto *Parm = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
  if (!Parm || !Unchanged.contains(Parm))
    return std::nullopt;
  return Followed{Parm, Field};
}

ParameterValue ParameterGuards::valueOf(const Followed &F, bool Equals,
                                        int64_t Value) const {
  return {F.Parm->getFunctionScopeIndex(), Equals, Value,
          F.Field ? Keys.of(F.Field) : ""};
}

/// \p V as a 64-bit integer, extended as its type says.
static std::optional<int64_t> asInteger(const llvm::APSInt &V) {
  if (V.getBitWidth() > 64)
    return std::nullopt;
  return V.isSigned() ? V.getSExtValue() : int64_t(V.getZExtValue());
}

/// Whether converting a value of type \p From to \p To keeps it: comparing
/// in \p To is comparing the values.
static bool keepsValue(QualType From, QualType To, const ASTContext &Ctx) {
  if (!From->isIntegralOrEnumerationType() ||
      !To->isIntegralOrEnumerationType())
    return false;
  unsigned WidthFrom = Ctx.getIntWidth(From), WidthTo = Ctx.getIntWidth(To);
  bool SignedFrom = From->isSignedIntegerOrEnumerationType();
  bool SignedTo = To->isSignedIntegerOrEnumerationType();
  return WidthTo <= 64 && ((SignedFrom == SignedTo && WidthTo >= WidthFrom) ||
                           (!SignedFrom && SignedTo && WidthTo > WidthFrom));
}

/// The value \p E folds to without side effects, as a 64-bit integer; a
/// null pointer constant is 0.
static std::optional<int64_t> constantOf(const Expr *E, ASTContext &Ctx) {
  if (E->isValueDependent() || E->isTypeDependent())
    return std::nullopt;
  if (E->getType()->isPointerType())
    return E->IgnoreParenImpCasts()->isNullPointerConstant(
               Ctx, Expr::NPC_ValueDependentIsNotNull)
               ? std::optional<int64_t>(0)
               : std::nullopt;
  Expr::EvalResult Result;
  if (!E->getType()->isIntegralOrEnumerationType() ||
      !E->EvaluateAsInt(Result, Ctx))
    return std::nullopt;
  return asInteger(Result.Val.getInt());
}

void ParameterGuards::compares(const BinaryOperator *Compare, bool Truth,
                               std::vector<ParameterValue> &Guards) const {
  const Expr *Operand = Compare->getLHS(), *Other = Compare->getRHS();
  std::optional<Followed> Read = followed(Operand);
  if (!Read) {
    std::swap(Operand, Other);
    Read = followed(Operand);
  }
  if (!Read)
    return;
  // Compared in the operands' common type: the parameter's value must
  // survive the conversion for the guard to be about that value.
  QualType T = Read->Field ? Read->Field->getType() : Read->Parm->getType();
  if (!T->isPointerType() && !keepsValue(T, Operand->getType(), Ctx))
    return;
  if (std::optional<int64_t> Value = constantOf(Other, Ctx))
    Guards.push_back(
        valueOf(*Read, Truth == (Compare->getOpcode() == BO_EQ), *Value));
}

void ParameterGuards::holds(const Expr *Cond, bool Truth,
                            std::vector<ParameterValue> &Guards) const {
  if (std::optional<Followed> Read = followed(Cond)) {
    // 'p' is true when not 0 (or null).
    Guards.push_back(valueOf(*Read, !Truth, 0));
    return;
  }
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond);
      Not && Not->getOpcode() == UO_LNot)
    return holds(Not->getSubExpr(), !Truth, Guards);
  const auto *Binary = dyn_cast<BinaryOperator>(Cond);
  if (!Binary)
    return;
  // 'A && B' true, 'A || B' false: both parts are.
  if (Binary->getOpcode() == (Truth ? BO_LAnd : BO_LOr)) {
    holds(Binary->getLHS(), Truth, Guards);
    holds(Binary->getRHS(), Truth, Guards);
  } else if (Binary->getOpcode() == BO_EQ || Binary->getOpcode() == BO_NE) {
    compares(Binary, Truth, Guards);
  }
}

void ParameterGuards::partGuards(const Stmt *Parent, const Stmt *Child,
                                 std::vector<ParameterValue> &Guards) const {
  if (const auto *If = dyn_cast<IfStmt>(Parent)) {
    if (If->getConditionVariable() || If->isConsteval())
      return;
    if (Child == If->getThen() || Child == If->getElse())
      holds(If->getCond(), Child == If->getThen(), Guards);
  } else if (const auto *Choice = dyn_cast<ConditionalOperator>(Parent)) {
    if (Child == Choice->getTrueExpr() || Child == Choice->getFalseExpr())
      holds(Choice->getCond(), Child == Choice->getTrueExpr(), Guards);
  } else if (const auto *Logic = dyn_cast<BinaryOperator>(Parent)) {
    // 'A && B' runs B when A is true, 'A || B' when A is false.
    if (Logic->isLogicalOp() && Child == Logic->getRHS())
      holds(Logic->getLHS(), Logic->getOpcode() == BO_LAnd, Guards);
  } else if (const auto *While = dyn_cast<WhileStmt>(Parent)) {
    if (Child == While->getBody() && !While->getConditionVariable())
      holds(While->getCond(), true, Guards);
  } else if (const auto *For = dyn_cast<ForStmt>(Parent)) {
    if (Child == For->getBody() && For->getCond() &&
        !For->getConditionVariable())
      holds(For->getCond(), true, Guards);
  }
}

void ParameterGuards::addGuards(const Stmt *Parent, const Stmt *Child,
                                std::vector<ParameterValue> &Guards) const {
  if (!Child)
    return;
  size_t Known = Guards.size();
  partGuards(Parent, Child, Guards);
  // A goto or a case label inside the part may enter it unguarded.
  if (Guards.size() != Known && labelled(Child))
    Guards.resize(Known);
}

bool ParameterGuards::labelled(const Stmt *S) const {
  // Asked once per part: the calls of a large body share their outer parts.
  auto [It, New] = Labelled.try_emplace(S, false);
  if (New)
    It->second = containsLabel(S);
  return It->second;
}

void ParameterGuards::exitGuards(const CompoundStmt *Block, const Stmt *Child,
                                 std::vector<ParameterValue> &Guards) const {
  std::vector<ParameterValue> Exits;
  for (const Stmt *S : Block->body()) {
    if (S == Child)
      break;
    // A jump to a label here runs what follows without the 'if's before.
    if (!Exits.empty() && labelled(S))
      Exits.clear();
    const auto *If = dyn_cast<IfStmt>(S);
    if (If && !If->getElse() && !If->getInit() && !If->getConditionVariable() &&
        !If->isConsteval() && returns(If->getThen()))
      holds(If->getCond(), false, Exits);
  }
  if (!Exits.empty() && !labelled(Child))
    llvm::append_range(Guards, Exits);
}

std::vector<ParameterValue> ParameterGuards::of(const Stmt *S) const {
  if (!Climbs || !S)
    return {};
  std::vector<ParameterValue> Guards;
  DynTypedNode Node = DynTypedNode::create(*S);
  while (Node.get<Stmt>() != Body) {
    DynTypedNodeList Parents = parentsOf(Node, Ctx);
    // Not of the body (a default argument's code), or shared by several
    // places: no guard is sure.
    if (Parents.size() != 1 ||
        !(Parents[0].get<Stmt>() || Parents[0].get<VarDecl>()))
      return {};
    if (const auto *Block = Parents[0].get<CompoundStmt>())
      exitGuards(Block, Node.get<Stmt>(), Guards);
    else if (const Stmt *Parent = Parents[0].get<Stmt>())
      addGuards(Parent, Node.get<Stmt>(), Guards);
    Node = Parents[0];
  }
  return Guards;
}

const Stmt *ParameterGuards::topLevel(const Stmt *S) const {
  DynTypedNode Node = DynTypedNode::create(*S);
  while (true) {
    DynTypedNodeList Parents = parentsOf(Node, Ctx);
    const Stmt *Parent = Parents.size() == 1 ? Parents[0].get<Stmt>() : nullptr;
    if (!Parent)
      return nullptr;
    if (Parent == Body)
      return Node.get<Stmt>();
    Node = Parents[0];
  }
}

std::vector<ParameterGuards::LocalStore>
ParameterGuards::constantFields(const VarDecl *Local, const Stmt *Call) const {
  const auto *Block = dyn_cast_or_null<CompoundStmt>(Body);
  if (!constantFieldsOf(Local))
    return {};
  const Stmt *At = topLevel(Call);
  auto Position = [&](const Stmt *S) {
    return llvm::find(Block->body(), S) - Block->body_begin();
  };
  std::vector<LocalStore> Stores;
  for (const auto &[Key, Writes] : LocalWrites) {
    auto [Var, Field] = Key;
    const BinaryOperator *Store = Writes.front();
    if (Var != Local || Writes.size() != 1 || !Store || !At ||
        !isFollowedType(Field->getType(), Ctx) || Field->getParent()->isUnion())
      continue;
    // 'local.field =', not 'local.member.field ='.
    const auto *Member = dyn_cast<MemberExpr>(Store->getLHS()->IgnoreParens());
    if (Member && localRecord(Member->getBase()) == Local &&
        Position(Store) < Position(At))
      Stores.push_back({Field, Store});
  }
  llvm::sort(Stores, [](const LocalStore &A, const LocalStore &B) {
    return A.Field->getFieldIndex() < B.Field->getFieldIndex();
  });
  return Stores;
}

void ParameterGuards::addPassed(unsigned Index, const Expr *Arg,
                                const Stmt *Call,
                                std::vector<ParameterValue> &Known) const {
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Arg->IgnoreParenImpCasts())) {
    const auto *Parm = dyn_cast<ParmVarDecl>(Ref->getDecl());
    if (Parm && Unchanged.contains(Parm) &&
        Ctx.hasSameUnqualifiedType(Parm->getType(), Arg->getType()))
      Known.push_back(
          {Index, true, Parm->getFunctionScopeIndex(), ForwardedField.str()});
    return;
  }
  const auto *Address = dyn_cast<UnaryOperator>(Arg->IgnoreParens());
  if (!Address || Address->getOpcode() != UO_AddrOf)
    return;
  if (const VarDecl *Local = localRecord(Address->getSubExpr()))
    for (auto [Field, Value] : fieldConstants(Local, Call, 0))
      if (const std::string &Key = Keys.of(Field); !Key.empty())
        Known.push_back({Index, true, Value, Key});
}

/// The most calls fieldConstants goes through to the record a local is
/// initialised from ('buffer_gadget' -> 'discarding_gadget').
static constexpr unsigned MaxReturnDepth = 4;

std::vector<ParameterGuards::FieldConstant>
ParameterGuards::fieldConstants(const VarDecl *Local, const Stmt *At,
                                unsigned Depth) const {
  std::vector<FieldConstant> Known;
  for (const LocalStore &S : constantFields(Local, At))
    if (std::optional<int64_t> Value = constantOf(S.Store->getRHS(), Ctx))
      Known.push_back({S.Field, *Value});
  // 'gadget = buffer_gadget(s, n)': of the fields the function never
  // writes, what the call returns.
  const auto *Init =
      Local->getInit() ? dyn_cast<CallExpr>(Local->getInit()->IgnoreImplicit())
                       : nullptr;
  if (!Init || Depth >= MaxReturnDepth || !constantFieldsOf(Local) ||
      !Local->getType().isTriviallyCopyableType(Ctx))
    return Known;
  for (auto [Field, Value] : returnedConstants(Init, Depth + 1))
    if (!LocalWrites.count({Local, Field}))
      Known.push_back({Field, Value});
  return Known;
}

bool ParameterGuards::constantFieldsOf(const VarDecl *Local) const {
  const auto *Block = dyn_cast_or_null<CompoundStmt>(Body);
  return Block && !Escaping.contains(Local) &&
         !Local->getType().isVolatileQualified() &&
         Local->getType()->isStructureOrClassType() &&
         !containsLabel(Block, /*IgnoreCaseStmts=*/true);
}

std::vector<ParameterGuards::FieldConstant>
ParameterGuards::returnedConstants(const CallExpr *Call, unsigned Depth) const {
  // Not virtual: the definition is the one the call runs.
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || isa<CXXMethodDecl>(Callee) ||
      !(Callee = unitDefinitionRun(Callee)))
    return {};
  using namespace ast_matchers;
  auto Returns =
      match(findAll(returnStmt(forFunction(equalsNode(Callee))).bind("return")),
            *Callee->getBody(), Ctx);
  // Each return names the same local record: 'return result;'.
  const VarDecl *Returned = nullptr;
  for (const BoundNodes &Node : Returns) {
    const auto *Return = Node.getNodeAs<ReturnStmt>("return");
    const Expr *Value = Return->getRetValue();
    const VarDecl *Local =
        Value ? localRecord(Value->IgnoreImplicit()) : nullptr;
    if (!Local || (Returned && Local != Returned))
      return {};
    Returned = Local;
  }
  if (!Returned)
    return {};
  ParameterGuards Guards(*Callee, Ctx, Keys);
  std::vector<FieldConstant> Known;
  for (const BoundNodes &Node : Returns) {
    std::vector<FieldConstant> Here = Guards.fieldConstants(
        Returned, Node.getNodeAs<ReturnStmt>("return"), Depth);
    if (&Node == &Returns.front())
      Known = std::move(Here);
    else
      llvm::erase_if(Known, [&](const FieldConstant &K) {
        return !llvm::is_contained(Here, K);
      });
  }
  return Known;
}

std::vector<std::string> ParameterGuards::writtenFields() const {
  std::vector<std::string> Names;
  for (const FieldDecl *F : Written)
    if (isFollowedType(F->getType(), Ctx))
      if (const std::string &Key = Keys.of(F); !Key.empty())
        Names.push_back(Key);
  llvm::sort(Names);
  Names.erase(llvm::unique(Names), Names.end());
  return Names;
}

std::vector<ParameterValue> knownArguments(const FunctionDecl &Callee,
                                           llvm::ArrayRef<const Expr *> Args,
                                           ASTContext &Ctx,
                                           const ParameterGuards *Caller,
                                           const Stmt *Call) {
  std::vector<ParameterValue> Known;
  // Without a prototype the arguments are promoted, not converted.
  if (!Callee.getType()->getAs<FunctionProtoType>() ||
      Callee.hasCXXExplicitFunctionObjectParameter())
    return Known;
  for (unsigned I = 0, E = std::min<size_t>(Args.size(), Callee.getNumParams());
       I < E; ++I) {
    QualType T = Callee.getParamDecl(I)->getType();
    const Expr *Arg = Args[I];
    if (!isFollowedType(T, Ctx) ||
        !Ctx.hasSameUnqualifiedType(Arg->getType(), T))
      continue;
    if (std::optional<int64_t> Value = constantOf(Arg, Ctx)) {
      Known.push_back({I, true, *Value});
      continue;
    }
    if (T->isPointerType() && isCertainlyNonNull(Arg))
      Known.push_back({I, false, 0});
    if (Caller && Call)
      Caller->addPassed(I, Arg, Call, Known);
  }
  return Known;
}

} // namespace noalloc
