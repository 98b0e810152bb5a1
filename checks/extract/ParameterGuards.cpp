//===--- ParameterGuards.cpp - Code that runs only for some arguments -----===//

#include "extract/ParameterGuards.h"
#include "utils/ASTQueries.h"
#include "utils/ParentIndex.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"

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

namespace {
/// Counts, per parameter, the names of it and those that only read it;
/// collects the statements that may guard a part of theirs.
class ParameterUses : public RecursiveASTVisitor<ParameterUses> {
public:
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
    return true;
  }
  bool VisitImplicitCastExpr(ImplicitCastExpr *E) {
    const auto *Ref = dyn_cast<DeclRefExpr>(E->getSubExpr()->IgnoreParens());
    if (E->getCastKind() == CK_LValueToRValue && Ref)
      if (const auto *Parm = dyn_cast<ParmVarDecl>(Ref->getDecl()))
        ++Reads[Parm];
    return true;
  }
  llvm::DenseMap<const ParmVarDecl *, unsigned> Names, Reads;
  std::vector<const Stmt *> Choices;
};
} // namespace

ParameterGuards::ParameterGuards(const FunctionDecl &FD, ASTContext &Ctx)
    : Ctx(Ctx), Body(FD.getBody()) {
  // A coroutine's body reads copies of its parameters; a function with an
  // explicit object parameter numbers its parameters unlike its calls.
  if (!Body || isa<CoroutineBodyStmt>(Body) ||
      FD.hasCXXExplicitFunctionObjectParameter() ||
      llvm::none_of(FD.parameters(), [&](const ParmVarDecl *Parm) {
        return isFollowedType(Parm->getType(), Ctx);
      }))
    return;
  ParameterUses Uses;
  // The whole declaration: a constructor's initializers may change one.
  Uses.TraverseDecl(const_cast<FunctionDecl *>(&FD));
  for (const ParmVarDecl *Parm : FD.parameters())
    if (isFollowedType(Parm->getType(), Ctx) &&
        Uses.Names.lookup(Parm) == Uses.Reads.lookup(Parm))
      Followed.insert(Parm);
  // Without a statement that guards a part of its own, no code of the body
  // is guarded: of() need not climb (the parents of an instantiation's
  // code are costly to index).
  if (llvm::none_of(Uses.Choices, [&](const Stmt *Choice) {
        return llvm::any_of(Choice->children(), [&](const Stmt *Part) {
          std::vector<ParameterValue> Guards;
          if (Part)
            partGuards(Choice, Part, Guards);
          return !Guards.empty();
        });
      }))
    Followed.clear();
}

const ParmVarDecl *ParameterGuards::followed(const Expr *E) const {
  const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *Parm = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
  return Parm && Followed.contains(Parm) ? Parm : nullptr;
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
  const ParmVarDecl *Parm = followed(Operand);
  if (!Parm) {
    std::swap(Operand, Other);
    Parm = followed(Operand);
  }
  if (!Parm)
    return;
  // Compared in the operands' common type: the parameter's value must
  // survive the conversion for the guard to be about that value.
  QualType T = Parm->getType();
  if (!T->isPointerType() && !keepsValue(T, Operand->getType(), Ctx))
    return;
  if (std::optional<int64_t> Value = constantOf(Other, Ctx))
    Guards.push_back({Parm->getFunctionScopeIndex(),
                      Truth == (Compare->getOpcode() == BO_EQ), *Value});
}

void ParameterGuards::holds(const Expr *Cond, bool Truth,
                            std::vector<ParameterValue> &Guards) const {
  if (const ParmVarDecl *Parm = followed(Cond)) {
    // 'p' is true when not 0 (or null).
    Guards.push_back({Parm->getFunctionScopeIndex(), !Truth, 0});
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
  // A goto or a case label inside the part may enter it unguarded. Asked
  // once per part: the calls of a large body share their outer parts.
  if (Guards.size() == Known)
    return;
  auto [It, New] = Labelled.try_emplace(Child, false);
  if (New)
    It->second = containsLabel(Child);
  if (It->second)
    Guards.resize(Known);
}

std::vector<ParameterValue> ParameterGuards::of(const Stmt *S) const {
  if (Followed.empty() || !S)
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
    if (const Stmt *Parent = Parents[0].get<Stmt>())
      addGuards(Parent, Node.get<Stmt>(), Guards);
    Node = Parents[0];
  }
  return Guards;
}

std::vector<ParameterValue> knownArguments(const FunctionDecl &Callee,
                                           llvm::ArrayRef<const Expr *> Args,
                                           ASTContext &Ctx) {
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
    if (std::optional<int64_t> Value = constantOf(Arg, Ctx))
      Known.push_back({I, true, *Value});
    else if (T->isPointerType() && isCertainlyNonNull(Arg))
      Known.push_back({I, false, 0});
  }
  return Known;
}

} // namespace noalloc
