//===--- PrintReport.h - The report, in the chosen format -----------------===//

#ifndef NOALLOC_TOOL_PRINTREPORT_H
#define NOALLOC_TOOL_PRINTREPORT_H

#include "Reports.h"
#include "TranslationUnitAnalysis.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "WholeProgram.h"
#include <optional>

namespace noalloc {

class RenderCache;

/// Prints the findings in the --format chosen, to standard output or
/// --output. \p AnyFile is a source of the run, for its options; the HTML
/// page shows \p Summary. Text without colours is printed through
/// \p Rendered, if given. A failed run (RunSummary::failed) writes only
/// text on standard output; else its compiler and configuration
/// diagnostics go to standard error. Returns an exit status on error.
std::optional<int>
printReport(const std::vector<clang::tidy::ClangTidyError> &Errors,
            const LinkedRun *Linked, const RunOptions &Options,
            llvm::StringRef AnyFile, const RunSummary &Summary,
            RenderCache *Rendered = nullptr);

} // namespace noalloc

#endif // NOALLOC_TOOL_PRINTREPORT_H
