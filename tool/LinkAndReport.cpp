//===--- LinkAndReport.cpp - The link step --------------------------------===//

#include "LinkAndReport.h"
#include "JoinFindings.h"
#include "ResultCache.h"
#include "SafeOutput.h"
#include "ToolOptions.h"
#include "report/HeapReport.h"
#include "utils/Paths.h"
#include "utils/Phrases.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/xxhash.h"
#include <chrono>
#include <set>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

using namespace clang;
using namespace clang::tidy;
using namespace llvm;
using namespace noalloc;
using noalloc::cli::Explain;
using noalloc::cli::FactsDir;
using noalloc::cli::ResultsDir;
using noalloc::cli::Stats;
using noalloc::sortAndDeduplicate;

/// Writes a file of \p Facts's unit into \p Directory, whole or not at all,
/// named after the main file as the facts name it (the same name on every
/// machine), with \p Extension.
static bool writeUnitFile(StringRef Directory,
                          const noalloc::TranslationUnitFacts &Facts,
                          StringRef Extension,
                          function_ref<Error(raw_fd_ostream &)> Write) {
  if (std::error_code EC = sys::fs::create_directories(Directory)) {
    WithColor::error(errs(), "noalloc")
        << "cannot create '" << Directory << "': " << EC.message() << "\n";
    return false;
  }
  std::string Name = noalloc::relativeTo(Facts.MainFile, Facts.Root);
  SmallString<256> Path(Directory);
  sys::path::append(Path, sys::path::filename(Name) + "." +
                              utohexstr(xxh3_64bits(Name)) + Extension);
  if (Error E = noalloc::writeFileSafely(Path, Write)) {
    WithColor::error(errs(), "noalloc") << toString(std::move(E)) << "\n";
    return false;
  }
  return true;
}

/// --facts-dir and --results-dir: \p Text is the unit's facts as JSON (if
/// --facts-dir is given).
static bool writeUnitFiles(const TranslationUnitResult &R, StringRef Text) {
  const noalloc::TranslationUnitFacts &Facts = *R.Facts.Facts;
  if (!FactsDir.empty() &&
      !writeUnitFile(FactsDir, Facts, ".facts.json", [&](raw_fd_ostream &OS) {
        OS << Text;
        return Error::success();
      }))
    return false;
  if (!ResultsDir.empty() &&
      !writeUnitFile(ResultsDir, Facts, ".noalloc", [&](raw_fd_ostream &OS) {
        OS << noalloc::portableResult(R, Facts.Root);
        return Error::success();
      }))
    return false;
  return true;
}

namespace noalloc {

/// Says once that the link joined \p Joined's bodies: \p What of the first
/// ("is defined in 2 places"), \p Others of the rest ("in several
/// places"), then \p Taken ("each is taken as ...").
static void warnJoined(const HeapGraph &Graph, const std::vector<int> &Joined,
                       const Twine &What, StringRef Others, StringRef Taken) {
  if (Joined.empty())
    return;
  auto &OS = WithColor::warning(errs(), "noalloc");
  OS << "'" << Graph.node(Joined.front()).Facts.Name << "' " << What;
  if (size_t More = Joined.size() - 1)
    OS << ", and " << More << (More == 1 ? " more function" : " more functions")
       << " " << Others;
  OS << ": " << Taken << "\n";
}

/// Several programs in one database define the same function (each test's
/// 'main'); their definitions are joined, and the user should know. So
/// are the versions of a definition the units preprocess apart (a static
/// inline function under '#ifdef NO_HEAP' that one unit defines), each
/// unit's own.
static void warnAboutMultipleDefinitions(const HeapGraph &Graph) {
  std::vector<int> Defined = Graph.multiplyDefined();
  if (!Defined.empty())
    warnJoined(Graph, Defined,
               "is defined in " +
                   Twine(Graph.node(Defined.front()).externalDefinitions()) +
                   " places",
               "in several places",
               "each is taken as any of its definitions; analyse one "
               "program per run for exact answers");
  std::vector<int> Compiled = Graph.multiplyCompiled();
  if (!Compiled.empty()) {
    const FunctionFacts &First = Graph.node(Compiled.front()).Facts;
    warnJoined(Graph, Compiled,
               "(" + fileLineColumn(First.Where) +
                   ") is compiled into different bodies by the units that "
                   "include it",
               "as well", "each call is taken as reaching any of them");
  }
}

void FactsCollector::add(TranslationUnitResult &R) {
  // A unit that did not compile counts too: the last to arrive is last.
  bool Last = Expected && ++Arrived == Expected;
  if (!R.Facts.Facts)
    return;
  // The unit's text and keys outside the lock: workers make them at once.
  // The last unit's keys only if the program needs them (addLast).
  bool Serialize = Stats || !FactsDir.empty();
  std::string Text;
  if (Serialize) {
    raw_string_ostream OS(Text);
    OS << toJSON(*R.Facts.Facts);
  }
  std::vector<std::string> Keys;
  if (R.FactKeys.size() == R.Facts.Facts->Functions.size())
    Keys = std::move(R.FactKeys);
  else if (!Last)
    Keys = ProgramFacts::keysOf(*R.Facts.Facts);
  std::lock_guard<std::mutex> Lock(Mutex);
  for (const FunctionFacts &F : R.Facts.Facts->Functions)
    RunFiles.insert(F.Where.File);
  if (Serialize) {
    FactBytes += Text.size();
    ++Written;
  }
  if (!writeUnitFiles(R, Text))
    WriteFailed = true;
  if (Last)
    Program.addLast(std::move(*R.Facts.Facts), std::move(Keys));
  else
    Program.add(std::move(*R.Facts.Facts), std::move(Keys));
  R.Facts.Facts.reset();
}

void FactsCollector::addOutside(TranslationUnitFacts Facts) {
  std::lock_guard<std::mutex> Lock(Mutex);
  Partial = true;
  Program.add(std::move(Facts));
}

/// Links part of the program when units of the database outside the run
/// are not in the cache: what they store into a pointer, the functions
/// they define of a signature or override are not in view. Says so,
/// naming the first of \p Unanswered.
static void linkPartOfTheProgram(ArrayRef<std::string> Unanswered,
                                 LinkOptions &Link) {
  if (Unanswered.empty())
    return;
  Link.PartialProgram = true;
  Link.UnitsOutside = true;
  size_t More = Unanswered.size() - 1;
  std::string Units = More ? std::to_string(More + 1) + " units" : "a unit";
  std::string First = "'" + sys::path::filename(Unanswered.front()).str() + "'";
  WithColor::note(errs(), "noalloc")
      << "linked part of the program: " << Units
      << " of the compilation database outside the run ("
      << joinList({First}, More) << ") " << (More ? "are" : "is")
      << " not in the cache, so calls through pointers, virtual calls and "
         "calls of weak or inline-only functions may reach code noalloc "
         "cannot see; a run over every unit fills the cache\n";
}

/// A root or allowed-zone pattern that matches no function: a typo, a
/// comma for ';', or, in a run over some units, a function of a unit
/// outside the run (\p Unanswered of them are not in the cache).
static void warnAboutUnmatchedPatterns(const HeapGraph &Graph,
                                       const LinkOptions &Link,
                                       size_t Unanswered) {
  for (const std::string &Pattern : Graph.unmatchedPatterns()) {
    raw_ostream &Warning = WithColor::warning(errs(), "noalloc");
    Warning << (llvm::is_contained(Link.Roots, Pattern) ? "root '"
                                                        : "allowed zone '")
            << Pattern << "' matches no function of the analysed ";
    if (Unanswered)
      Warning << "units; " << Unanswered
              << (Unanswered == 1 ? " unit" : " units")
              << " of the compilation database outside this run "
              << (Unanswered == 1 ? "is" : "are")
              << " not in the cache and may define it";
    else
      Warning << "code";
    if (StringRef(Pattern).contains(','))
      Warning << " (entries are separated by ';')";
    Warning << "\n";
  }
  // Without a root the findings are not scoped: those of every function
  // of the run's units, which the whole program may not report.
  if (Unanswered && !Link.Roots.empty() && !Graph.hasRoots())
    WithColor::note(errs(), "noalloc")
        << "no root is in this run's units, so every heap use in them is "
           "reported, also where no root reaches; a run over every unit "
           "fills the cache that keeps the roots' scope\n";
}

/// Whether the workers and the link share one malloc arena.
static bool OneArena = false;

void shareMemoryWithTheLink(unsigned Workers) {
#if defined(__GLIBC__)
  // One worker never allocates while the link does.
  if (Workers == 1)
    OneArena = mallopt(M_ARENA_MAX, 1) == 1;
#endif
}

/// Each worker freed its units' ASTs into its own thread's malloc arena,
/// which glibc keeps at its largest; the link allocates on this thread,
/// from another arena. Given back first, the run's peak is the larger of
/// the two, not their sum (8 json units: 558 to 474 MiB). In one arena
/// the link reuses that memory: giving it back would cost the kernel's
/// unmapping and then its faulting the pages in again (3% of a -j1 run
/// over one json or rapidjson unit).
static void returnFreedMemory() {
#if defined(__GLIBC__)
  if (!OneArena)
    malloc_trim(0);
#endif
}

std::optional<int>
linkAndReport(std::vector<TranslationUnitResult> &Results,
              FactsCollector &Facts,
              ArrayRef<std::string> Files, const RunOptions &Options,
              std::vector<ClangTidyError> &Errors,
              std::optional<LinkedRun> &Linked) {
  for (TranslationUnitResult &R : Results)
    Facts.add(R);
  if (Facts.WriteFailed)
    return 2;
  returnFreedMemory();
  size_t FactBytes = Facts.FactBytes, Written = Facts.Written;
  size_t Listed = Facts.Program.listed();
  size_t Stored = Facts.Program.size();
  auto LinkStart = std::chrono::steady_clock::now();
  auto Provider = makeOptionsProvider(Options);
  auto RunLevel = resolveRunLevelOptions(*Provider, Files);
  if (!RunLevel) {
    WithColor::error(errs(), "noalloc") << toString(RunLevel.takeError())
                                        << "\n";
    return 2;
  }
  linkPartOfTheProgram(Facts.Unanswered, RunLevel->Link);
  auto Run = linkProgram(std::move(Facts.Program), std::move(*RunLevel));
  if (!Run) {
    WithColor::error(errs(), "noalloc") << toString(Run.takeError()) << "\n";
    return 2;
  }
  Linked = std::move(*Run);
  if (Facts.Partial)
    Linked->RunFiles = std::move(Facts.RunFiles);
  const HeapGraph &Graph = *Linked->Graph;
  warnAboutMultipleDefinitions(Graph);
  warnAboutUnmatchedPatterns(Graph, Linked->Options.Link,
                             Facts.Unanswered.size());
  if (!Explain.empty()) {
    if (!explain(Graph, Explain, Linked->Options.Policy, outs())) {
      WithColor::error(errs(), "noalloc")
          << "no function of the analysed code matches '" << Explain
          << "'\n";
      return 2;
    }
    return 0;
  }
  reportFromLinkedProgram(*Linked, Errors);
  // A header's findings arrive from every unit that includes it.
  sortAndDeduplicate(Errors);
  if (Stats) {
    double Seconds = std::chrono::duration<double>(
                         std::chrono::steady_clock::now() - LinkStart)
                         .count();
    errs() << "noalloc: link and report: " << format("%.3f", Seconds)
           << " s; facts: " << Written << " translation units, "
           << (Written ? FactBytes / Written : 0)
           << " bytes each on average (JSON); functions: " << Listed
           << " listed, " << Stored << " stored\n";
  }
  return std::nullopt;
}

} // namespace noalloc
