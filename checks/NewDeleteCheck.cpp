//===--- NewDeleteCheck.cpp - noalloc-new-delete --------------------------===//

#include "NewDeleteCheck.h"
#include "fixes/LocalStorage.h"
#include "utils/ASTQueries.h"
#include "utils/CalleeOnce.h"
#include "utils/ParentIndex.h"
#include "utils/RunsAtRunTime.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/Builtins.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace noalloc {
namespace {

/// __builtin_operator_new and __builtin_operator_delete call the
/// replaceable global functions (libc++ and libstdc++'s allocators use them).
bool isHeapBuiltin(const FunctionDecl &Fn) {
  unsigned Builtin = Fn.getBuiltinID();
  return Builtin == Builtin::BI__builtin_operator_new ||
         Builtin == Builtin::BI__builtin_operator_delete;
}

AST_MATCHER(FunctionDecl, isGlobalHeapFunction) {
  return Node.isReplaceableGlobalAllocationFunction() || isHeapBuiltin(Node);
}

AST_MATCHER(CXXNewExpr, newUsesGlobalHeap) {
  const FunctionDecl *Fn = Node.getOperatorNew();
  return Fn && Fn->isReplaceableGlobalAllocationFunction();
}

AST_MATCHER(CXXDeleteExpr, deleteUsesGlobalHeap) {
  const FunctionDecl *Fn = Node.getOperatorDelete();
  return Fn && Fn->isReplaceableGlobalAllocationFunction();
}

/// Whether \p Call is the implicit allocation or deallocation of a
/// coroutine frame.
bool isCoroutineFrameCall(const CallExpr *Call, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(*Call);
  for (int Depth = 0; Depth < 4; ++Depth) {
    auto Parents = parentsOf(Node, Ctx);
    if (Parents.empty())
      return false;
    if (const auto *Body = Parents[0].get<CoroutineBodyStmt>())
      return Body->getAllocate() == Node.get<Expr>() ||
             Body->getDeallocate() == Node.get<Expr>();
    Node = Parents[0];
  }
  return false;
}

} // namespace

NewDeleteCheck::NewDeleteCheck(StringRef Name, tidy::ClangTidyContext *Context)
    : NoallocCheck(Name, Context), StackLimit(stackLimitOption()) {}

void NewDeleteCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  NoallocCheck::storeOptions(Opts);
  Options.store(Opts, "StackLimit", StackLimit);
}

void NewDeleteCheck::registerMatchers(MatchFinder *Finder) {
  // What rules out most nodes first, where the node was written last.
  auto NotInSystemHeader = unless(isExpansionInSystemHeader());
  // What never runs at run time uses no heap then.
  auto RunsAtRunTime = runsAtRunTime();
  Finder->addMatcher(
      cxxNewExpr(newUsesGlobalHeap(), NotInSystemHeader, RunsAtRunTime)
          .bind("new"),
      this);
  Finder->addMatcher(
      cxxDeleteExpr(deleteUsesGlobalHeap(), NotInSystemHeader, RunsAtRunTime)
          .bind("delete"),
      this);
  Finder->addMatcher(
      callExpr(calleeOnce(functionDecl(isGlobalHeapFunction()), "fn"),
               NotInSystemHeader, RunsAtRunTime)
          .bind("call"),
      this);
}

void NewDeleteCheck::check(const MatchFinder::MatchResult &Result) {
  const SourceManager &SM = *Result.SourceManager;
  if (const auto *New = Result.Nodes.getNodeAs<CXXNewExpr>("new")) {
    bool IsNothrow = false;
    New->getOperatorNew()->isReplaceableGlobalAllocationFunction(nullptr,
                                                                 &IsNothrow);
    std::string Spelling = New->isArray() ? "new[]" : "new";
    if (IsNothrow)
      Spelling += " (std::nothrow)";
    LocalStorageFix Fix =
        automaticObjectForNew(New, *Result.Context, StackLimit);
    report(New->getBeginLoc(), SM, "'" + Spelling + "' allocates on the heap",
           Fix.Hints);
    if (!Fix.Note.empty())
      diag(New->getBeginLoc(), "%0", DiagnosticIDs::Note) << Fix.Note;
    return;
  }
  if (const auto *Delete = Result.Nodes.getNodeAs<CXXDeleteExpr>("delete")) {
    report(Delete->getBeginLoc(), SM,
           Delete->isArrayForm() ? "'delete[]' releases heap memory"
                                 : "'delete' releases heap memory");
    return;
  }
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  const auto *Fn = Result.Nodes.getNodeAs<FunctionDecl>("fn");
  // A coroutine's implicit frame allocation is noalloc-coroutine's.
  if (isCoroutineFrameCall(Call, *Result.Context))
    return;
  bool Allocates = Fn->getOverloadedOperator() == OO_New ||
                   Fn->getOverloadedOperator() == OO_Array_New ||
                   Fn->getBuiltinID() == Builtin::BI__builtin_operator_new;
  report(Call->getBeginLoc(), SM,
         "call to '" + Fn->getNameAsString() + "' " +
             (Allocates ? "allocates on the heap" : "releases heap memory"));
}

} // namespace noalloc
