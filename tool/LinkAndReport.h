//===--- LinkAndReport.h - The link step of a run -------------------------===//

#ifndef NOALLOC_TOOL_LINKANDREPORT_H
#define NOALLOC_TOOL_LINKANDREPORT_H

#include "TranslationUnitAnalysis.h"
#include "WholeProgram.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include <atomic>
#include <mutex>
#include <optional>
#include <set>

namespace noalloc {

/// Takes each unit's facts as soon as the unit is done, so that the run
/// holds one copy of a function several units define (a header's inline
/// functions and instantiations), not one per unit; writes --facts-dir.
class FactsCollector {
public:
  /// Moves the facts of \p R, if any, into the program. Thread-safe.
  void add(TranslationUnitResult &R);
  /// Adds the facts of a unit outside the run.
  void addOutside(TranslationUnitFacts Facts);
  /// add() will be called once for each of \p Units units: the last one's
  /// facts wait for the link as they are (ProgramFacts::addLast).
  void expect(size_t Units) { Expected = Units; }

  ProgramFacts Program;
  /// Units outside the run joined the link.
  bool Partial = false;
  /// The database's units outside the run that the cache cannot answer:
  /// with any, the link has part of the program.
  std::vector<std::string> Unanswered;
  /// The files of the run's own functions.
  std::set<std::string> RunFiles;
  /// Facts text written or measured (--facts-dir, --timing).
  size_t FactBytes = 0, Written = 0;
  bool WriteFailed = false;

private:
  std::mutex Mutex;
  std::atomic<size_t> Expected = 0, Arrived = 0;
};

/// Before any thread starts: with \p Workers at 1, the worker and the link
/// allocate from one malloc arena, so the link reuses the memory of the
/// units' freed ASTs instead of the run giving it back first (-j1).
void shareMemoryWithTheLink(unsigned Workers);

/// Links the facts of all translation units (those \p Facts has, and those
/// still in \p Results) with the run-level options resolved from the
/// configurations of \p Files, adds the findings of the link to \p Errors
/// (see WholeProgram.h). Returns an exit status when the run ends here
/// (--explain, a configuration conflict, --facts-dir not written).
std::optional<int>
linkAndReport(std::vector<TranslationUnitResult> &Results,
              FactsCollector &Facts,
              llvm::ArrayRef<std::string> Files, const RunOptions &Options,
              std::vector<clang::tidy::ClangTidyError> &Errors,
              std::optional<LinkedRun> &Linked);

} // namespace noalloc

#endif // NOALLOC_TOOL_LINKANDREPORT_H
