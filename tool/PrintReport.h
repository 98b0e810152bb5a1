//===--- PrintReport.h - The report, in the chosen format -----------------===//

#ifndef NOALLOC_TOOL_PRINTREPORT_H
#define NOALLOC_TOOL_PRINTREPORT_H

#include "TranslationUnitAnalysis.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "WholeProgram.h"
#include <optional>

namespace noalloc {

/// Prints the findings in the --format chosen, to standard output or
/// --output; applies the fix-its with --fix. \p AnyFile is a source of the
/// run, for its options. Returns an exit status on error.
std::optional<int>
printReport(const std::vector<clang::tidy::ClangTidyError> &Errors,
            const LinkedRun *Linked, const RunOptions &Options,
            llvm::StringRef AnyFile);

} // namespace noalloc

#endif // NOALLOC_TOOL_PRINTREPORT_H
