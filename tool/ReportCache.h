//===--- ReportCache.h - A run's whole output, replayed -------------------===//
//
// A re-run with nothing changed prints what the last one printed. Its
// standard output and error, the --output file and the exit status are kept
// under a key made of the command line, the working directory, where the
// two streams go, every unit's cache key (compile command, effective
// options, knowledge files, the noalloc binary), the link-time options
// that no unit's key holds and the keys of the database's other units, with the
// hash of every file the units read and the paths they looked for and did not
// find (a header that appears there makes it stale). A hit reads no unit's
// entry, links nothing and renders nothing.
//
// Only a run whose output is all in those places is kept: no terminal
// (colours, progress), no --timing or --explain, nothing written besides
// (--fix, --export-fixes, --annotate, --write-baseline, --facts-dir,
// --results-dir), no fresh entry of a unit outside the run, no unit the
// result cache would not replay, and an exit status of 0 or 1.
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_TOOL_REPORTCACHE_H
#define NOALLOC_TOOL_REPORTCACHE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace noalloc {

class ResultCache;
struct TranslationUnitResult;

class ReportCache {
public:
  /// Whether this run's options and standard streams allow a replay.
  static bool allowed();
  /// The report cache of a run whose units' inputs are \p UnitsKey
  /// (wholeRunKey), with the command line \p Arguments; null if the run is
  /// not allowed() one, or its key cannot be made.
  static std::unique_ptr<ReportCache>
  open(ResultCache &Units, llvm::StringRef UnitsKey,
       llvm::ArrayRef<std::string> Arguments);

  /// On a hit, writes the stored output again and returns the exit status.
  std::optional<int> replay();
  /// Sends standard output and error to temporary files until finish(),
  /// from the link on (the analysis of a run that can be kept prints
  /// nothing); false if they cannot be.
  bool capture();
  /// Ends the capture: writes what was captured where it was going and
  /// keeps it if \p Status and \p Results allow. Returns \p Status.
  int finish(int Status, llvm::ArrayRef<TranslationUnitResult> Results);

  ReportCache(ResultCache &Units, std::string Path, bool Combined)
      : Units(Units), Path(std::move(Path)), Combined(Combined) {}

private:
  void store(int Status, llvm::ArrayRef<TranslationUnitResult> Results,
             const std::string &Out, const std::string &Err);

  ResultCache &Units;
  /// The entry's file.
  std::string Path;
  /// Standard output and error are one file: captured as one, in order.
  bool Combined;
};

} // namespace noalloc

#endif // NOALLOC_TOOL_REPORTCACHE_H
