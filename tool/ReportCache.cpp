//===--- ReportCache.cpp - A run's whole output, replayed -----------------===//

#include "ReportCache.h"
#include "ResultCache.h"
#include "SafeOutput.h"
#include "ToolOptions.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"
#include <cstdio>
#include <sys/stat.h>
#include <unistd.h>

using namespace llvm;

namespace noalloc {

// 2: the paths the units' parses did not find.
static constexpr StringLiteral Magic = "noalloc-report 2";

/// Where standard output and error go: true if to one file, none if either
/// is a terminal (which colours and progress depend on) or closed.
static std::optional<bool> streamsCombined() {
  struct stat Out, Err;
  if (fstat(STDOUT_FILENO, &Out) || fstat(STDERR_FILENO, &Err) ||
      isatty(STDOUT_FILENO) || isatty(STDERR_FILENO))
    return std::nullopt;
  return Out.st_dev == Err.st_dev && Out.st_ino == Err.st_ino;
}

bool ReportCache::allowed() {
  using namespace cli;
  if (LinkCommand || Fix || FixErrors || !ExportFixes.empty() ||
      Annotate != AnnotateMode::Off || !Explain.empty() || Stats ||
      !WriteBaseline.empty() || !FactsDir.empty() || !ResultsDir.empty())
    return false;
  return streamsCombined().has_value();
}

std::unique_ptr<ReportCache>
ReportCache::open(ResultCache &Units, StringRef UnitsKey,
                  ArrayRef<std::string> Arguments) {
  std::optional<bool> Combined = streamsCombined();
  if (!allowed() || !Combined || Units.directory().empty())
    return nullptr;
  std::string Data = (Magic + "\0" + UnitsKey + "\0").str();
  for (const std::string &Argument : Arguments)
    Data += Argument + '\0';
  SmallString<256> Here;
  if (sys::fs::current_path(Here))
    return nullptr;
  Data += Here.str().str() + '\0' + (*Combined ? "combined" : "apart");
  // The baseline's contents, which the report depends on.
  if (!cli::Baseline.empty()) {
    std::optional<uint64_t> Hash = Units.contentHash(cli::Baseline);
    if (!Hash)
      return nullptr;
    Data += '\0' + utohexstr(*Hash);
  }
  std::string Key = utohexstr(xxh3_64bits(Data), /*LowerCase=*/true, 16) +
                    utohexstr(xxh3_64bits(Data + "report"), true, 16);
  SmallString<256> Path(Units.directory());
  sys::path::append(Path, "reports", Key + ".txt");
  return std::make_unique<ReportCache>(Units, std::string(Path), *Combined);
}

//===----------------------------------------------------------------------===//
// The entry: a header of lines, then the captured bytes
//===----------------------------------------------------------------------===//

namespace {
/// What a run printed and wrote, and the files its units read.
struct StoredRun {
  int Status = 0;
  std::vector<std::pair<std::string, uint64_t>> Dependencies;
  /// The paths they looked for and did not find.
  std::vector<std::string> AbsentFiles;
  std::string Out, Err;
  /// The --output file's contents.
  std::optional<std::string> File;
};
} // namespace

/// "<size>\n<bytes>", or "-\n" for none.
static void appendBlock(std::string &Text,
                        const std::optional<std::string> &B) {
  if (!B) {
    Text += "-\n";
    return;
  }
  Text += utostr(B->size()) + "\n" + *B;
}

static std::string entryText(const StoredRun &Run) {
  std::string Text = (Magic + "\n").str();
  Text += itostr(Run.Status) + "\n" + utostr(Run.Dependencies.size()) + "\n";
  for (const auto &[File, Hash] : Run.Dependencies)
    Text += utohexstr(Hash) + " " + File + "\n";
  Text += utostr(Run.AbsentFiles.size()) + "\n";
  for (const std::string &File : Run.AbsentFiles)
    Text += File + "\n";
  appendBlock(Text, Run.Out);
  appendBlock(Text, Run.Err);
  appendBlock(Text, Run.File);
  return Text;
}

static bool takeLine(StringRef &Text, StringRef &Line) {
  size_t End = Text.find('\n');
  if (End == StringRef::npos)
    return false;
  Line = Text.take_front(End);
  Text = Text.drop_front(End + 1);
  return true;
}

static bool takeBlock(StringRef &Text, std::optional<std::string> &Block) {
  StringRef Line;
  uint64_t Size;
  if (!takeLine(Text, Line))
    return false;
  if (Line == "-") {
    Block.reset();
    return true;
  }
  if (Line.getAsInteger(10, Size) || Size > Text.size())
    return false;
  Block = Text.take_front(Size).str();
  Text = Text.drop_front(Size);
  return true;
}

/// The entry \p Text holds; anything unexpected is a miss.
static std::optional<StoredRun> parseEntry(StringRef Text) {
  StoredRun Run;
  StringRef Line;
  size_t Count;
  if (!takeLine(Text, Line) || Line != Magic || !takeLine(Text, Line) ||
      Line.getAsInteger(10, Run.Status) || !takeLine(Text, Line) ||
      Line.getAsInteger(10, Count))
    return std::nullopt;
  for (size_t I = 0; I < Count; ++I) {
    if (!takeLine(Text, Line))
      return std::nullopt;
    auto [Hash, File] = Line.split(' ');
    uint64_t Value;
    if (Hash.getAsInteger(16, Value) || File.empty())
      return std::nullopt;
    Run.Dependencies.emplace_back(File.str(), Value);
  }
  if (!takeLine(Text, Line) || Line.getAsInteger(10, Count))
    return std::nullopt;
  for (size_t I = 0; I < Count; ++I) {
    if (!takeLine(Text, Line) || Line.empty())
      return std::nullopt;
    Run.AbsentFiles.push_back(Line.str());
  }
  std::optional<std::string> Out, Err;
  if (!takeBlock(Text, Out) || !takeBlock(Text, Err) ||
      !takeBlock(Text, Run.File) || !Out || !Err || !Text.empty())
    return std::nullopt;
  Run.Out = std::move(*Out);
  Run.Err = std::move(*Err);
  return Run;
}

//===----------------------------------------------------------------------===//
// Replaying and capturing
//===----------------------------------------------------------------------===//

/// Writes all of \p Text to \p FD.
static void writeAll(int FD, StringRef Text) {
  while (!Text.empty()) {
    ssize_t N = ::write(FD, Text.data(), Text.size());
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return;
    Text = Text.drop_front(N);
  }
}

std::optional<int> ReportCache::replay() {
  auto Buffer = MemoryBuffer::getFile(Path, /*IsText=*/false,
                                      /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return std::nullopt;
  std::optional<StoredRun> Run = parseEntry((*Buffer)->getBuffer());
  if (!Run)
    return std::nullopt;
  for (const auto &[File, Hash] : Run->Dependencies)
    if (Units.contentHash(File) != Hash)
      return std::nullopt;
  for (const std::string &File : Run->AbsentFiles)
    if (!Units.stillAbsent(File))
      return std::nullopt;
  if (Run->File)
    if (Error E = writeFileSafely(cli::Output, [&](raw_fd_ostream &OS) {
          OS << *Run->File;
          return Error::success();
        })) {
      WithColor::error(errs(), "noalloc") << toString(std::move(E)) << "\n";
      return 2;
    }
  writeAll(STDOUT_FILENO, Run->Out);
  writeAll(STDERR_FILENO, Run->Err);
  return Run->Status;
}

namespace {
/// The standard streams while they are captured: the originals and the
/// temporary files (one for both when they are combined).
struct CapturedStreams {
  int Saved[2] = {-1, -1};
  int Temporary[2] = {-1, -1};
};
CapturedStreams Streams;
} // namespace

/// Copies what \p From holds to \p To; safe in a signal handler.
static void copyFile(int From, int To) {
  char Buffer[4096];
  off_t Offset = 0;
  ssize_t N;
  while ((N = ::pread(From, Buffer, sizeof Buffer, Offset)) > 0) {
    writeAll(To, StringRef(Buffer, N));
    Offset += N;
  }
}

/// A crash while captured: what the run printed, the crash's report too,
/// goes where it was going.
static void forwardOnCrash(void *) {
  if (Streams.Temporary[0] < 0)
    return;
  copyFile(Streams.Temporary[0], Streams.Saved[0]);
  if (Streams.Temporary[1] != Streams.Temporary[0])
    copyFile(Streams.Temporary[1], Streams.Saved[1]);
}

static void flushStreams() {
  outs().flush();
  errs().flush();
  fflush(stdout);
  fflush(stderr);
}

bool ReportCache::capture() {
  int Out = unnamedTemporaryFile();
  int Err = Combined ? Out : unnamedTemporaryFile();
  if (Out < 0 || Err < 0) {
    for (int FD : {Out, Err})
      if (FD >= 0)
        ::close(FD);
    return false;
  }
  flushStreams();
  Streams.Saved[0] = ::dup(STDOUT_FILENO);
  Streams.Saved[1] = ::dup(STDERR_FILENO);
  Streams.Temporary[0] = Out;
  Streams.Temporary[1] = Err;
  static bool Registered =
      (sys::AddSignalHandler(forwardOnCrash, nullptr), true);
  (void)Registered;
  ::dup2(Out, STDOUT_FILENO);
  ::dup2(Err, STDERR_FILENO);
  return true;
}

int ReportCache::finish(int Status, ArrayRef<TranslationUnitResult> Results) {
  flushStreams();
  ::dup2(Streams.Saved[0], STDOUT_FILENO);
  ::dup2(Streams.Saved[1], STDERR_FILENO);
  CapturedStreams Done = Streams;
  Streams = CapturedStreams();
  std::string Out = readWholeFile(Done.Temporary[0]);
  std::string Err = Combined ? "" : readWholeFile(Done.Temporary[1]);
  for (int FD : {Done.Saved[0], Done.Saved[1], Done.Temporary[0]})
    ::close(FD);
  if (!Combined)
    ::close(Done.Temporary[1]);
  writeAll(STDOUT_FILENO, Out);
  writeAll(STDERR_FILENO, Err);
  store(Status, Results, Out, Err);
  return Status;
}

void ReportCache::store(int Status, ArrayRef<TranslationUnitResult> Results,
                        const std::string &Out, const std::string &Err) {
  // A failed unit or a broken configuration is reported afresh.
  if (Status != 0 && Status != 1)
    return;
  StoredRun Run{Status, {}, {}, Out, Err, std::nullopt};
  StringMap<bool> Seen, SeenAbsent;
  for (const TranslationUnitResult &R : Results) {
    if (!R.FromCache && !ResultCache::replayable(R))
      return;
    for (const std::string &File : R.Dependencies) {
      if (!Seen.try_emplace(File, true).second)
        continue;
      std::optional<uint64_t> Hash = Units.contentHash(File);
      if (!Hash || StringRef(File).contains('\n'))
        return;
      Run.Dependencies.emplace_back(File, *Hash);
    }
    for (const std::string &File : R.AbsentFiles) {
      if (StringRef(File).contains('\n'))
        return;
      if (SeenAbsent.try_emplace(File, true).second)
        Run.AbsentFiles.push_back(File);
    }
  }
  if (!cli::Output.empty() && cli::Output != "-") {
    auto Buffer = MemoryBuffer::getFile(cli::Output, /*IsText=*/false,
                                        /*RequiresNullTerminator=*/false);
    if (!Buffer)
      return;
    Run.File = (*Buffer)->getBuffer().str();
  }
  if (sys::fs::create_directories(sys::path::parent_path(Path)))
    return;
  if (Error E = writeFileSafely(Path, [&](raw_fd_ostream &OS) {
        OS << entryText(Run);
        return Error::success();
      }))
    consumeError(std::move(E));
}

} // namespace noalloc
