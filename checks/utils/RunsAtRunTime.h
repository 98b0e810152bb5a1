//===--- RunsAtRunTime.h - matches code that may run at run time ----------===//

#ifndef NOALLOC_CHECKS_UTILS_RUNSATRUNTIME_H
#define NOALLOC_CHECKS_UTILS_RUNSATRUNTIME_H

#include "utils/ASTQueries.h"
#include "clang/ASTMatchers/ASTMatchersMacros.h"

namespace noalloc {

/// Matches a statement that may run at run time: not in an unevaluated
/// operand, a constant expression, a branch the code generator drops or a
/// consteval function (neverRunsAtRunTime). For a throw, a new or a delete
/// the parent index decided it while it was built; for other nodes it
/// walks the parents: put it last in a matcher.
AST_MATCHER(clang::Stmt, runsAtRunTime) {
  return !neverRunsAtRunTime(Node, Finder->getASTContext());
}

} // namespace noalloc

#endif // NOALLOC_CHECKS_UTILS_RUNSATRUNTIME_H
