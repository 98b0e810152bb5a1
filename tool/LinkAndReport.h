//===--- LinkAndReport.h - The link step of a run -------------------------===//

#ifndef NOALLOC_TOOL_LINKANDREPORT_H
#define NOALLOC_TOOL_LINKANDREPORT_H

#include "TranslationUnitAnalysis.h"
#include "WholeProgram.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include <optional>

namespace noalloc {

/// Links the facts of all translation units (and \p Outside: facts of
/// units the run did not analyse) with the run-level options resolved from
/// the configurations of \p Files, adds the findings of the link to
/// \p Errors (see WholeProgram.h), and writes --facts-dir. Returns an exit
/// status when the run ends here (--explain, a configuration conflict).
std::optional<int>
linkAndReport(std::vector<TranslationUnitResult> &Results,
              std::vector<TranslationUnitFacts> Outside,
              llvm::ArrayRef<std::string> Files, const RunOptions &Options,
              std::vector<clang::tidy::ClangTidyError> &Errors,
              std::optional<LinkedRun> &Linked);

} // namespace noalloc

#endif // NOALLOC_TOOL_LINKANDREPORT_H
