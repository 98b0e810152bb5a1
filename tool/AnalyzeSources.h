//===--- AnalyzeSources.h - Every translation unit of a run ---------------===//

#ifndef NOALLOC_TOOL_ANALYZESOURCES_H
#define NOALLOC_TOOL_ANALYZESOURCES_H

#include "RunConfiguration.h"
#include <optional>

namespace noalloc {

/// Parses (or finds in the result cache) every source of \p Run, largest
/// first, -j at a time, with progress on the terminal. Returns an exit
/// status when the run ends here.
std::optional<int> analyzeSources(const Compilations &Run,
                                  const RunOptions &Options, const char *Argv0,
                                  std::vector<TranslationUnitResult> &Results);

} // namespace noalloc

#endif // NOALLOC_TOOL_ANALYZESOURCES_H
