//===--- CoroutineCheck.cpp - noalloc-coroutine ---------------------------===//

#include "CoroutineCheck.h"
#include "utils/ASTQueries.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace noalloc {

void CoroutineCheck::registerMatchers(MatchFinder *Finder) {
  // The body first: it rules out most functions.
  Finder->addMatcher(functionDecl(hasBody(coroutineBodyStmt().bind("body")),
                                  unless(isExpansionInSystemHeader()))
                         .bind("coroutine"),
                     this);
}

/// The allocation function the frame comes from, if the AST records one.
static const FunctionDecl *frameAllocator(const CoroutineBodyStmt *Body) {
  const Expr *Allocate = Body->getAllocate();
  if (!Allocate)
    return nullptr;
  if (const auto *Call = dyn_cast<CallExpr>(Allocate->IgnoreImplicit()))
    return Call->getDirectCallee();
  return nullptr;
}

void CoroutineCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Fn = Result.Nodes.getNodeAs<FunctionDecl>("coroutine");
  const auto *Body = Result.Nodes.getNodeAs<CoroutineBodyStmt>("body");
  const FunctionDecl *Allocator = frameAllocator(Body);
  if (Allocator && !Allocator->isReplaceableGlobalAllocationFunction())
    return;
  std::string Name =
      isa<CXXMethodDecl>(Fn) && cast<CXXMethodDecl>(Fn)->getParent()->isLambda()
          ? "lambda coroutine"
          : "coroutine '" + qualifiedName(Fn) + "'";
  report(Fn->getLocation(), *Result.SourceManager,
         Name + " allocates its frame on the heap");
}

} // namespace noalloc
