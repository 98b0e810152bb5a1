//===--- Suppressions.h - NOLINT, as clang-tidy reads it ------------------===//
//
// clang-tidy applies NOLINT to the diagnostics it prints. The facts need
// more: a heap site or call the user accepted with NOLINT does not
// propagate to callers. This asks clang-tidy's own NOLINT reader, so that
// NOLINT, NOLINTNEXTLINE and NOLINTBEGIN/NOLINTEND mean exactly what they
// mean to clang-tidy, malformed ones included (clang-tidy reports those).
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_CHECKS_EXTRACT_SUPPRESSIONS_H
#define NOALLOC_CHECKS_EXTRACT_SUPPRESSIONS_H

#include "utils/LLVMCompat.h"
#include "clang-tidy/NoLintDirectiveHandler.h"
#include "clang/Basic/Diagnostic.h"

namespace noalloc {

class Suppressions {
public:
  explicit Suppressions(clang::DiagnosticsEngine &Diags) : Probe(Diags) {}

  /// Whether a NOLINT comment suppresses \p Check at \p Loc.
  bool covers(clang::SourceLocation Loc, llvm::StringRef Check);

private:
  compat::DiagnosticProbe Probe;
  clang::tidy::NoLintDirectiveHandler Handler;
};

} // namespace noalloc

#endif // NOALLOC_CHECKS_EXTRACT_SUPPRESSIONS_H
