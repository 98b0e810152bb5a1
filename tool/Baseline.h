//===--- Baseline.h - Accepting today's findings --------------------------===//

#ifndef NOALLOC_TOOL_BASELINE_H
#define NOALLOC_TOOL_BASELINE_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include <optional>

namespace noalloc {

/// --write-baseline: records the findings of \p Errors. Returns an exit
/// status on error.
std::optional<int>
recordBaseline(llvm::ArrayRef<clang::tidy::ClangTidyError> Errors);

/// --baseline: drops the recorded findings. Returns an exit status on
/// error.
std::optional<int>
applyBaseline(std::vector<clang::tidy::ClangTidyError> &Errors);

} // namespace noalloc

#endif // NOALLOC_TOOL_BASELINE_H
