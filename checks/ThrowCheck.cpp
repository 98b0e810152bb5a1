//===--- ThrowCheck.cpp - noalloc-throw -----------------------------------===//

#include "ThrowCheck.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace noalloc {

void ThrowCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(
      cxxThrowExpr(unless(isExpansionInSystemHeader()), has(expr()))
          .bind("throw"),
      this);
}

void ThrowCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Throw = Result.Nodes.getNodeAs<CXXThrowExpr>("throw");
  report(Throw->getThrowLoc(), *Result.SourceManager,
         "'throw' allocates the exception object on the heap");
}

} // namespace noalloc
