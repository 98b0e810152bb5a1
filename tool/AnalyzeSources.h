//===--- AnalyzeSources.h - Every translation unit of a run ---------------===//

#ifndef NOALLOC_TOOL_ANALYZESOURCES_H
#define NOALLOC_TOOL_ANALYZESOURCES_H

#include "RunConfiguration.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <optional>

namespace noalloc {

/// Parses (or finds in the result cache) every source of \p Run, largest
/// first, -j at a time, with progress on the terminal; \p Done sees each
/// result as soon as it is complete, on the worker's thread (the run's
/// facts are collected there, not held per unit). Returns an exit status
/// when the run ends here.
std::optional<int>
analyzeSources(const Compilations &Run, const RunOptions &Options,
               const char *Argv0, std::vector<TranslationUnitResult> &Results,
               llvm::function_ref<void(TranslationUnitResult &)> Done);

/// The facts of the database's other units, from the result cache of an
/// earlier run: so that a run over some files (pre-commit, an editor) still
/// follows calls into the rest of the program. Only entries the cache can
/// prove fresh are used; none without a cache.
std::vector<TranslationUnitFacts> factsOutsideTheRun(const Compilations &Run,
                                                     const RunOptions &Options,
                                                     const char *Argv0);

} // namespace noalloc

#endif // NOALLOC_TOOL_ANALYZESOURCES_H
