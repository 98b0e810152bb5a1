//===--- ThrowCheck.cpp - noalloc-throw -----------------------------------===//

#include "ThrowCheck.h"
#include "knowledge/HeapType.h"
#include "utils/ASTQueries.h"
#include "utils/RunsAtRunTime.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtObjC.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace noalloc {

void ThrowCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(cxxThrowExpr(unless(isExpansionInSystemHeader()),
                                  has(expr()), runsAtRunTime())
                         .bind("throw"),
                     this);
  // The Objective-C runtime allocates a header for each throw, a rethrow
  // too (the GNU runtime: measured, test/semantics/objc-throw.m).
  Finder->addMatcher(
      objcThrowStmt(unless(isExpansionInSystemHeader()), runsAtRunTime())
          .bind("objc-throw"),
      this);
}

void ThrowCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Throw =
          Result.Nodes.getNodeAs<ObjCAtThrowStmt>("objc-throw")) {
    report(Throw->getThrowLoc(), *Result.SourceManager,
           "'@throw' allocates the exception's header on the heap");
    return;
  }
  const auto *Throw = Result.Nodes.getNodeAs<CXXThrowExpr>("throw");
  if (Reported.contains(Throw->getThrowLoc()))
    return;
  // A failure exception's throw is a failure path: noalloc-call's
  // (FailurePaths), as a library's throw is.
  if (knowledge() &&
      isFailureException(Throw->getSubExpr()->getType(), *knowledge()))
    return;
  report(Throw->getThrowLoc(), *Result.SourceManager,
         "'throw' allocates the exception object on the heap");
  Reported.insert(Throw->getThrowLoc());
  // Making the exception is part of the throw: one finding, with a note.
  const CXXConstructExpr *Made = thrownConstruction(Throw);
  if (!Made || !knowledge() || !allocatingLibraryConstructor(Made, *knowledge()))
    return;
  diag(Result.SourceManager->getFileLoc(Made->getBeginLoc()),
       "constructing %0 allocates on the heap too", DiagnosticIDs::Note)
      << ("'" +
          typeName(Made->getType(), *Result.Context, /*UserWritten=*/false) +
          "'");
}

} // namespace noalloc
