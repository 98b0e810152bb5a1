//===--- DestructionPoint.cpp - Where an owner's object is destroyed ------===//

#include "fixes/DestructionPoint.h"
#include "utils/ParentIndex.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;

namespace noalloc {
namespace {

/// The block that has \p Node as one of its statements (through the
/// declaration statement of a variable and the full-expression around an
/// expression), and that statement.
std::pair<const CompoundStmt *, const Stmt *> blockOf(DynTypedNode Node,
                                                      ASTContext &Ctx) {
  const Stmt *Statement = Node.get<Stmt>();
  while (true) {
    auto Parents = parentsOf(Node, Ctx);
    if (Parents.size() != 1)
      return {nullptr, nullptr};
    if (const auto *Block = Parents[0].get<CompoundStmt>())
      return {Block, Statement};
    const auto *Through = Parents[0].get<Stmt>();
    if (!Through || !isa<DeclStmt, ExprWithCleanups>(Through))
      return {nullptr, nullptr};
    Statement = Through;
    Node = Parents[0];
  }
}

/// How a statement that leaves the code around it is spelled, if \p S is
/// one: with \p InLoop and \p InSwitch, whether a loop or a switch inside
/// that code encloses it (and catches its break or continue).
std::optional<StringRef> exitSpelling(const Stmt *S, bool InLoop,
                                      bool InSwitch) {
  if (isa<ReturnStmt>(S))
    return "return";
  if (isa<GotoStmt, IndirectGotoStmt>(S))
    return "goto";
  if (isa<CXXThrowExpr>(S))
    return "throw";
  if (isa<CoreturnStmt>(S))
    return "co_return";
  // A suspended coroutine may be destroyed and not resumed.
  if (isa<CoawaitExpr, DependentCoawaitExpr>(S))
    return "co_await";
  if (isa<CoyieldExpr>(S))
    return "co_yield";
  if (isa<BreakStmt>(S) && !InLoop && !InSwitch)
    return "break";
  if (isa<ContinueStmt>(S) && !InLoop)
    return "continue";
  return std::nullopt;
}

/// The first statement in \p Begin..End (of one block) that leaves the
/// block, spelled. A lambda's body is another function. Walked with a
/// work list: expressions may nest deeper than the stack allows.
std::optional<StringRef> exitIn(CompoundStmt::const_body_iterator Begin,
                                CompoundStmt::const_body_iterator End) {
  struct Item {
    const Stmt *S;
    bool InLoop, InSwitch;
  };
  llvm::SmallVector<Item, 32> Work;
  for (auto It = Begin; It != End; ++It)
    Work.push_back({*It, false, false});
  while (!Work.empty()) {
    Item I = Work.pop_back_val();
    if (!I.S || isa<LambdaExpr, BlockExpr>(I.S))
      continue;
    if (std::optional<StringRef> Exit = exitSpelling(I.S, I.InLoop, I.InSwitch))
      return Exit;
    bool Loop = isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(I.S);
    bool Switch = isa<SwitchStmt>(I.S);
    for (const Stmt *Child : I.S->children())
      Work.push_back({Child, I.InLoop || Loop, I.InSwitch || Switch});
  }
  return std::nullopt;
}

/// The first automatic variable with a destructor that \p Begin..End
/// declare (a reference counts: it may extend a temporary's life).
const VarDecl *destructedVariableIn(CompoundStmt::const_body_iterator Begin,
                                    CompoundStmt::const_body_iterator End) {
  for (auto It = Begin; It != End; ++It) {
    const auto *Declaration = dyn_cast<DeclStmt>(*It);
    if (!Declaration)
      continue;
    for (const Decl *D : Declaration->decls()) {
      const auto *Var = dyn_cast<VarDecl>(D);
      if (Var && Var->hasLocalStorage() &&
          Var->getType().getNonReferenceType().isDestructedType())
        return Var;
    }
  }
  return nullptr;
}

/// Whether \p S, after the `delete`, cannot tell whether the object was
/// destroyed before it: it leaves the block at once, or does nothing.
bool cannotObserve(const Stmt *S, ASTContext &Ctx) {
  if (isa<NullStmt, BreakStmt, ContinueStmt>(S))
    return true;
  const auto *Return = dyn_cast<ReturnStmt>(S);
  if (!Return)
    return false;
  const Expr *Value = Return->getRetValue();
  return !Value || (!Value->HasSideEffects(Ctx) && !Value->isValueDependent() &&
                    Value->isEvaluatable(Ctx));
}

} // namespace

std::optional<std::string> destructionMoves(const VarDecl *Var,
                                            const CXXDeleteExpr *Delete,
                                            ASTContext &Ctx) {
  QualType T = Var->getType()->getPointeeType();
  if (!T->isDependentType() && !T.isDestructedType())
    return std::nullopt;
  std::string Name = Var->getName().str();
  auto [Block, Declaration] = blockOf(DynTypedNode::create(*Var), Ctx);
  auto [DeleteBlock, Statement] = blockOf(DynTypedNode::create(*Delete), Ctx);
  if (!Block || Block != DeleteBlock)
    return "no fix: 'delete " + Name +
           "' is not a statement of the block that declares '" + Name +
           "': an automatic object would be destroyed at the end of that "
           "block instead";
  auto Begin = llvm::find(Block->body(), Declaration);
  auto At = llvm::find(Block->body(), Statement);
  if (Begin == Block->body_end() || At == Block->body_end() || At < Begin)
    return "no fix: 'delete " + Name + "' comes before '" + Name +
           "' is declared";
  if (std::optional<StringRef> Exit = exitIn(std::next(Begin), At))
    return "no fix: a '" + Exit->str() + "' may leave the block of '" + Name +
           "' before 'delete " + Name +
           "': an automatic object would be destroyed there too";
  if (const VarDecl *Later = destructedVariableIn(std::next(Begin), At))
    return "no fix: '" + Later->getName().str() + "' is declared after '" +
           Name + "': an automatic object '" + Name +
           "' would be destroyed after it, not before";
  for (auto It = std::next(At); It != Block->body_end(); ++It)
    if (!cannotObserve(*It, Ctx))
      return "no fix: statements follow 'delete " + Name +
             "' in its block: an automatic object would be destroyed after "
             "them, not before";
  return std::nullopt;
}

} // namespace noalloc
