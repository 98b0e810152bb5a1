//===--- LinkAndReport.h - The link step ----------------------------------===//

#ifndef NOALLOC_TOOL_LINKANDREPORT_H
#define NOALLOC_TOOL_LINKANDREPORT_H

#include "TranslationUnitAnalysis.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "link/HeapGraph.h"
#include <memory>
#include <optional>

/// Links the facts of all translation units, adds the findings of
/// noalloc-call and noalloc-unknown-call to \p Errors, and drops direct
/// findings in allowed zones or, with roots, outside the roots' reach.
/// Returns an exit status when the run ends here (--explain).
std::optional<int>
linkAndReport(std::vector<noalloc::TranslationUnitResult> &Results,
              const noalloc::RunOptions &Options,
              std::vector<clang::tidy::ClangTidyError> &Errors,
              std::unique_ptr<noalloc::HeapGraph> &LinkedGraph);

#endif // NOALLOC_TOOL_LINKANDREPORT_H
