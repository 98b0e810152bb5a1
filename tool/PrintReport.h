//===--- PrintReport.h - The report, in the chosen format -----------------===//

#ifndef NOALLOC_TOOL_PRINTREPORT_H
#define NOALLOC_TOOL_PRINTREPORT_H

#include "Reports.h"
#include "TranslationUnitAnalysis.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "WholeProgram.h"
#include <optional>

namespace noalloc {

/// Prints the findings in the --format chosen, to standard output or
/// --output. \p AnyFile is a source of the run, for its options; the HTML
/// page shows \p Summary. Returns an exit status on error.
std::optional<int>
printReport(const std::vector<clang::tidy::ClangTidyError> &Errors,
            const LinkedRun *Linked, const RunOptions &Options,
            llvm::StringRef AnyFile, const RunSummary &Summary);

} // namespace noalloc

#endif // NOALLOC_TOOL_PRINTREPORT_H
