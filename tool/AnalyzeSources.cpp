//===--- AnalyzeSources.cpp - Every translation unit of a run -------------===//

#include "AnalyzeSources.h"
#include "CallCheck.h"
#include "NoallocConfig.h"
#include "ProgramIdentity.h"
#include "Progress.h"
#include "ResultCache.h"
#include "SafeOutput.h"
#include "ToolOptions.h"
#include "facts/ProgramFacts.h"
#include "knowledge/DerivedKnowledge.h"
#include "utils/NoallocCheck.h"
#include "utils/Paths.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/xxhash.h"
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <set>

using namespace clang;
using namespace clang::tidy;
using namespace llvm;

namespace noalloc {

using cli::CacheDir;
using cli::Jobs;
using cli::KnowledgeFiles;
using cli::NoCache;
using cli::Quiet;
using cli::Stats;

// A rebuilt binary or library, or an edited knowledge file, makes every
// entry stale.
const std::string &runFingerprint(const char *Argv0) {
  static const std::string Fingerprint = [Argv0] {
    std::string Data = programIdentity(Argv0);
    for (const std::string &Entry : KnowledgeFiles)
      Data += knowledgeIdentity(Entry);
    return Data;
  }();
  return Fingerprint;
}

namespace {
/// The configuration that applies to the files of one directory, as text.
struct DirectoryConfiguration {
  /// What a unit's result depends on: the configuration without the
  /// link-time options, and the contents of the knowledge it names.
  std::string Unit;
  /// The link-time options (CallCheck::isLinkTimeOption), which the whole
  /// run's output depends on.
  std::string Link;
};
} // namespace

/// The configuration that applies to \p Absolute, a source file. Files of
/// one directory read the same configuration files: each directory's is
/// found once per run (a process runs once, as runFingerprint says), where
/// every key looked for each file's configuration files in every directory
/// above it (a warm run's key of every unit of the database).
static const DirectoryConfiguration &configurationOf(const RunOptions &Options,
                                                     StringRef Absolute) {
  static std::mutex Mutex;
  static StringMap<DirectoryConfiguration> ByDirectory;
  std::lock_guard<std::mutex> Lock(Mutex);
  auto [It, New] = ByDirectory.try_emplace(sys::path::parent_path(Absolute));
  DirectoryConfiguration &Data = It->second;
  if (!New)
    return Data;
  ClangTidyOptions Effective =
      makeOptionsProvider(Options)->getOptions(Absolute);
  // Another root or policy re-parses nothing: the link answers it.
  std::map<std::string, std::string> LinkTime;
  for (const auto &[Key, Value] : Effective.CheckOptions)
    if (CallCheck::isLinkTimeOption(Key, Value.Value))
      LinkTime[Key.str()] = Value.Value;
  for (const auto &[Key, Value] : LinkTime) {
    Effective.CheckOptions.erase(Key);
    Data.Link += Key + '\0' + Value + '\0';
  }
  Data.Unit = configurationAsText(Effective);
  for (const auto &[Key, List] : knowledgeLists(Effective))
    for (const std::string &Entry : optionList(List))
      Data.Unit += knowledgeIdentity(Entry);
  return Data;
}

/// Everything that determines a translation unit's result except the
/// contents of the files it reads, which the cache entry lists itself.
static std::string cacheKey(const tooling::CompilationDatabase &Database,
                            StringRef File, const RunOptions &Options,
                            StringRef Fingerprint) {
  std::string Data = Fingerprint.str();
  SmallString<256> Absolute(File);
  sys::fs::make_absolute(Absolute);
  Data += '\0' + std::string(Absolute);
  for (const tooling::CompileCommand &C : Database.getCompileCommands(File)) {
    Data += '\0' + C.Directory + '\0' + C.Filename;
    for (const std::string &Arg : C.CommandLine)
      Data += '\0' + Arg;
  }
  Data += '\0' + configurationOf(Options, Absolute).Unit;
  return utohexstr(xxh3_64bits(Data), /*LowerCase=*/true, 16) +
         utohexstr(xxh3_64bits(Data + "noalloc"), true, 16);
}

std::unique_ptr<ResultCache> openResultCache() {
  if (NoCache)
    return nullptr;
  std::string Directory =
      CacheDir.empty() ? ResultCache::defaultDirectory() : CacheDir;
  if (Directory.empty())
    return nullptr;
  return std::make_unique<ResultCache>(Directory);
}

std::vector<std::string> unitKeys(const Compilations &Run,
                                  const RunOptions &Options,
                                  const char *Argv0) {
  const std::string &Fingerprint = runFingerprint(Argv0);
  std::vector<std::string> Keys;
  for (const std::string &File : Run.Files)
    Keys.push_back(cacheKey(*Run.Database, File, Options, Fingerprint));
  return Keys;
}

/// The database's files that \p Run does not analyse, sorted.
static std::vector<std::string> filesOutside(const Compilations &Run) {
  std::set<std::string> InRun;
  for (const std::string &File : Run.Files)
    InRun.insert(normalizedPath(File));
  std::vector<std::string> Others;
  for (const std::string &File : Run.Database->getAllFiles())
    if (!InRun.count(normalizedPath(File)))
      Others.push_back(File);
  llvm::sort(Others);
  return Others;
}

std::optional<std::string> wholeRunKey(const Compilations &Run,
                                       const RunOptions &Options,
                                       const char *Argv0,
                                       ArrayRef<std::string> UnitKeys,
                                       const ResultCache &Cache) {
  std::string Data;
  for (const std::string &Key : UnitKeys)
    Data += Key + '\0';
  // The link-time options, which no unit's key holds.
  for (const std::string &File : Run.Files) {
    SmallString<256> Absolute(File);
    sys::fs::make_absolute(Absolute);
    Data += configurationOf(Options, Absolute).Link + '\0';
  }
  Data += "outside";
  const std::string &Fingerprint = runFingerprint(Argv0);
  for (const std::string &File : filesOutside(Run)) {
    std::string Key = cacheKey(*Run.Database, File, Options, Fingerprint);
    // Its facts would join the link when its entry is fresh.
    if (Cache.hasEntry(Key))
      return std::nullopt;
    Data += '\0' + Key;
  }
  return Data;
}

OutsideUnits factsOutsideTheRun(const Compilations &Run,
                                const RunOptions &Options, const char *Argv0,
                                ResultCache *Cache) {
  OutsideUnits Outside;
  std::vector<std::string> Others = filesOutside(Run);
  if (!Cache) {
    Outside.Unanswered = std::move(Others);
    return Outside;
  }
  const std::string &Fingerprint = runFingerprint(Argv0);
  // Reading and checking an entry is most of a warm run: in parallel,
  // kept in the files' order.
  std::vector<std::optional<TranslationUnitFacts>> Found(Others.size());
  {
    DefaultThreadPool Pool(hardware_concurrency(Jobs));
    for (size_t I = 0; I < Others.size(); ++I)
      Pool.async([&, I] {
        if (auto Hit = Cache->lookup(
                cacheKey(*Run.Database, Others[I], Options, Fingerprint)))
          Found[I] = std::move(Hit->Facts.Facts);
      });
    Pool.wait();
  }
  std::vector<TranslationUnitFacts> &Facts = Outside.Facts;
  for (size_t I = 0; I < Others.size(); ++I) {
    if (Found[I])
      Facts.push_back(std::move(*Found[I]));
    else
      Outside.Unanswered.push_back(Others[I]);
  }
  if (!Facts.empty() && !Quiet)
    errs() << "noalloc: " << Facts.size()
           << (Facts.size() == 1 ? " unit" : " units")
           << " outside the run answered from the cache\n";
  return Outside;
}

/// The file of the cache directory that keeps each unit's CPU time in the
/// last run that parsed it: "<seconds>\t<main file>" lines.
static std::string unitCostsPath(const ResultCache &Cache) {
  SmallString<256> Path(Cache.directory());
  sys::path::append(Path, "unit-costs");
  return std::string(Path);
}

/// The CPU seconds of each main file in earlier runs (none without a
/// cache, or if the file cannot be read).
static StringMap<double> readUnitCosts(const ResultCache *Cache) {
  StringMap<double> Costs;
  if (!Cache)
    return Costs;
  auto Buffer = MemoryBuffer::getFile(unitCostsPath(*Cache));
  if (!Buffer)
    return Costs;
  SmallVector<StringRef, 0> Lines;
  (*Buffer)->getBuffer().split(Lines, '\n', -1, false);
  for (StringRef Line : Lines) {
    auto [Seconds, File] = Line.split('\t');
    double Value;
    if (!File.empty() && !Seconds.getAsDouble(Value) && Value >= 0)
      Costs[File] = Value;
  }
  return Costs;
}

/// Keeps the CPU time of the units this run parsed with those of earlier
/// runs, for the next run's order.
static void writeUnitCosts(const ResultCache &Cache, StringMap<double> Costs,
                           ArrayRef<std::string> Files,
                           ArrayRef<TranslationUnitResult> Results,
                           ArrayRef<char> Parsed) {
  bool Changed = false;
  for (size_t I = 0; I < Files.size(); ++I)
    if (Parsed[I] && Results[I].Time.Total > 0) {
      Costs[Files[I]] = Results[I].Time.Total;
      Changed = true;
    }
  if (!Changed)
    return;
  std::vector<StringRef> Names;
  for (const auto &Entry : Costs)
    Names.push_back(Entry.getKey());
  llvm::sort(Names);
  // A cache that cannot be written only loses the order.
  consumeError(writeFileSafely(unitCostsPath(Cache), [&](raw_fd_ostream &OS) {
    for (StringRef Name : Names)
      OS << format("%.3f", Costs.lookup(Name)) << "\t" << Name << "\n";
    return Error::success();
  }));
}

/// The order in which the pool takes \p Files: the costliest first, so
/// that no long parse starts last. A unit's cost is its CPU time in an
/// earlier run (\p Costs); without one, its main file's size, scaled by
/// the seconds per byte of the units that have one (the main file's size
/// says little: json's unit-meta.cpp, 1 KB, takes longer than most of its
/// 10 KB tests). Returns the number of units ordered by an earlier run.
static size_t scheduleUnits(ArrayRef<std::string> Files,
                            const StringMap<double> &Costs,
                            std::vector<size_t> &Order) {
  std::vector<double> Cost(Files.size(), 0);
  std::vector<bool> Known(Files.size(), false);
  double KnownSeconds = 0, KnownBytes = 0;
  size_t Measured = 0;
  for (size_t I = 0; I < Files.size(); ++I) {
    uint64_t Size = 0;
    sys::fs::file_size(Files[I], Size);
    Cost[I] = double(Size);
    auto It = Costs.find(Files[I]);
    if (It == Costs.end())
      continue;
    Known[I] = true;
    ++Measured;
    KnownSeconds += It->second;
    KnownBytes += Cost[I];
    Cost[I] = It->second;
  }
  // Sizes and seconds compared: only when some units have both.
  if (Measured && Measured < Files.size()) {
    double PerByte = KnownBytes > 0 ? KnownSeconds / KnownBytes : 0;
    for (size_t I = 0; I < Files.size(); ++I)
      if (!Known[I])
        Cost[I] *= PerByte;
  }
  Order.resize(Files.size());
  for (size_t I = 0; I < Files.size(); ++I)
    Order[I] = I;
  llvm::sort(Order, [&](size_t A, size_t B) {
    return std::make_pair(Cost[B], A) < std::make_pair(Cost[A], B);
  });
  return Measured;
}

/// --timing: where the parses' time went, summed over the units parsed.
static void printPhaseTimes(ArrayRef<TranslationUnitResult> Results) {
  TranslationUnitResult::PhaseTimes Sum;
  for (const TranslationUnitResult &R : Results) {
    Sum.Parse += R.Time.Parse;
    Sum.Checks += R.Time.Checks;
    Sum.Facts += R.Time.Facts;
    Sum.Total += R.Time.Total;
  }
  if (Sum.Total == 0)
    return;
  auto Share = [&](double Part) { return 100 * Part / Sum.Total; };
  errs() << format("noalloc: CPU time of the parses: %.3f s; frontend %.3f s "
                   "(%.0f%%), checks %.3f s (%.0f%%), facts %.3f s (%.0f%%), "
                   "set-up and clean-up %.3f s\n",
                   Sum.Total, Sum.Parse, Share(Sum.Parse), Sum.Checks,
                   Share(Sum.Checks), Sum.Facts, Share(Sum.Facts),
                   Sum.Total - Sum.Parse - Sum.Checks - Sum.Facts);
}

std::optional<int> checkSources(const Compilations &Run,
                                const RunOptions &Options) {
  if (Error E = checkConfiguration(Run.Files, Options)) {
    WithColor::error(errs(), "noalloc") << toString(std::move(E)) << "\n";
    return 2;
  }
  if (Run.Files.empty()) {
    WithColor::error(errs(), "noalloc")
        << "no source files: name them, or give -p <build-dir> with a "
           "compile_commands.json that lists some\n";
    return 2;
  }
  return std::nullopt;
}

void analyzeSources(const Compilations &Run, const RunOptions &Options,
                    ResultCache *Cache, ArrayRef<std::string> Keys,
                    std::vector<TranslationUnitResult> &Results,
                    llvm::function_ref<void(TranslationUnitResult &)> Done) {
  const std::vector<std::string> &Files = Run.Files;
  const tooling::CompilationDatabase &Database = *Run.Database;
  Results.resize(Files.size());
  std::atomic<unsigned> Finished = 0, Cached = 0;
  // Nanoseconds spent in the cache (keys, lookups, stores), for --timing.
  std::atomic<uint64_t> CacheTime = 0;
  auto Since = [](std::chrono::steady_clock::time_point Start) {
    return uint64_t(std::chrono::duration_cast<std::chrono::nanoseconds>(
                        std::chrono::steady_clock::now() - Start)
                        .count());
  };
  auto PhaseStart = std::chrono::steady_clock::now();
  StringMap<double> Costs = readUnitCosts(Cache);
  size_t Ordered = 0;
  // Written by one task each: not a vector<bool>.
  std::vector<char> Parsed(Files.size(), 0);
  Progress Bar(Files.size(), !Quiet);
  {
    DefaultThreadPool Pool(hardware_concurrency(Jobs));
    std::vector<size_t> Order;
    Ordered = scheduleUnits(Files, Costs, Order);
    for (size_t I : Order)
      Pool.async([&, I] {
        if (Cache) {
          auto Start = std::chrono::steady_clock::now();
          auto Hit = Cache->lookup(Keys[I]);
          CacheTime += Since(Start);
          if (Hit) {
            Results[I] = std::move(*Hit);
            Done(Results[I]);
            ++Cached;
            Bar.update(++Finished, Files[I]);
            return;
          }
        }
        Bar.update(Finished, Files[I]);
        Results[I] = analyzeTranslationUnit(Database, Files[I], Options);
        Parsed[I] = 1;
        if (Cache) {
          auto Start = std::chrono::steady_clock::now();
          // Kept with the facts: a warm run reads them instead.
          if (const auto &F = Results[I].Facts.Facts)
            Results[I].FactKeys = ProgramFacts::keysOf(*F);
          Cache->store(Keys[I], Results[I]);
          CacheTime += Since(Start);
        }
        Done(Results[I]);
        Bar.update(++Finished, Files[I]);
      });
    Pool.wait();
  }
  Bar.finish();
  if (Cache)
    writeUnitCosts(*Cache, std::move(Costs), Files, Results, Parsed);
  if (Stats) {
    errs() << "noalloc: " << Cached << " of " << Files.size()
           << " translation units from the cache; analysis "
           << format("%.3f", Since(PhaseStart) / 1e9) << " s, of which "
           << format("%.3f", CacheTime / 1e9)
           << " s in the cache (all workers); " << Ordered
           << " ordered by their CPU time in an earlier run\n";
    printPhaseTimes(Results);
  }
}

} // namespace noalloc
