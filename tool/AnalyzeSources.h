//===--- AnalyzeSources.h - Every translation unit of a run ---------------===//

#ifndef NOALLOC_TOOL_ANALYZESOURCES_H
#define NOALLOC_TOOL_ANALYZESOURCES_H

#include "RunConfiguration.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <memory>
#include <optional>

namespace noalloc {

class ResultCache;

/// Identifies this noalloc and its inputs other than the sources (the
/// binary and libraries, the --knowledge files); computed once per run.
const std::string &runFingerprint(const char *Argv0);

/// The result cache of a run, or null with --no-cache.
std::unique_ptr<ResultCache> openResultCache();

/// An exit status if the run cannot start: a broken configuration, no
/// source files.
std::optional<int> checkSources(const Compilations &Run,
                                const RunOptions &Options);

/// The result cache's key of each unit of \p Run, in its order: everything
/// that determines the unit's result except the files it reads.
std::vector<std::string> unitKeys(const Compilations &Run,
                                  const RunOptions &Options, const char *Argv0);

/// What determines the results of the whole run except the files its units
/// read and the command line (ReportCache.h): \p UnitKeys, the link-time
/// options of \p Run's units and the keys of the database's other units; none
/// if one of those has an entry in
/// \p Cache, whose facts would join the link.
std::optional<std::string> wholeRunKey(const Compilations &Run,
                                       const RunOptions &Options,
                                       const char *Argv0,
                                       llvm::ArrayRef<std::string> UnitKeys,
                                       const ResultCache &Cache);

/// Parses (or finds in \p Cache, under \p Keys) every source of \p Run,
/// largest first, -j at a time, with progress on the terminal; \p Done
/// sees each result as soon as it is complete, on the worker's thread (the
/// run's facts are collected there, not held per unit).
void analyzeSources(const Compilations &Run, const RunOptions &Options,
                    ResultCache *Cache, llvm::ArrayRef<std::string> Keys,
                    std::vector<TranslationUnitResult> &Results,
                    llvm::function_ref<void(TranslationUnitResult &)> Done);

/// The database's units outside a run.
struct OutsideUnits {
  /// Their facts, from the result cache of an earlier run: so that a run
  /// over some files (pre-commit, an editor) still follows calls into the
  /// rest of the program. Only entries the cache can prove fresh are used.
  std::vector<TranslationUnitFacts> Facts;
  /// The files of those the cache cannot answer (all without a cache).
  std::vector<std::string> Unanswered;
};
OutsideUnits factsOutsideTheRun(const Compilations &Run,
                                const RunOptions &Options, const char *Argv0,
                                ResultCache *Cache);

} // namespace noalloc

#endif // NOALLOC_TOOL_ANALYZESOURCES_H
