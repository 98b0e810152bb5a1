//===--- Suppressions.cpp - NOLINT, as clang-tidy reads it ----------------===//

#include "extract/Suppressions.h"
#include "clang/Tooling/Core/Diagnostic.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;

namespace noalloc {

bool Suppressions::covers(SourceLocation Loc, StringRef Check) {
  if (Loc.isInvalid())
    return false;
  // The handler looks at a diagnostic's location only; an empty warning
  // at the place in question asks the question.
  return Probe.ask(Loc, [&](const Diagnostic &Empty) {
    // Malformed NOLINT comments are clang-tidy's to report, once.
    llvm::SmallVector<tooling::Diagnostic, 1> Ignored;
    return Handler.shouldSuppress(DiagnosticsEngine::Warning, Empty, Check,
                                  Ignored, /*AllowIO=*/true,
                                  /*EnableNoLintBlocks=*/true);
  });
}

} // namespace noalloc
