//===--- NoallocMain.cpp - The noalloc command-line tool ------------------===//
//
// noalloc [options] <source>... [-- <compiler args>]
//
// Parses each translation unit once, runs the noalloc checks through
// clang-tidy's engine, joins the results of all translation units (one
// finding per source location, however many files include it) and reports
// them in clang's format.
//
//===----------------------------------------------------------------------===//

#include "CheckRegistry.h"
#include "DatabaseCheck.h"
#include "link/HeapGraph.h"
#include "knowledge/KnowledgeBase.h"
#include "utils/NoallocCheck.h"
#include "NoallocConfig.h"
#include "Reports.h"
#include "ResultCache.h"
#include "TranslationUnitAnalysis.h"
#include "clang-tidy/ClangTidy.h"
#include "clang/Basic/Version.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/Timer.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/xxhash.h"
#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <tuple>
#include <unistd.h>

using namespace clang;
using namespace clang::tidy;
using namespace llvm;

namespace noalloc {
extern volatile int NoallocModuleAnchorSource;
} // namespace noalloc
static int LLVM_ATTRIBUTE_UNUSED NoallocModuleAnchorDestination =
    noalloc::NoallocModuleAnchorSource;

static cl::OptionCategory NoallocCategory("noalloc options");

static cl::extrahelp CommonHelp(tooling::CommonOptionsParser::HelpMessage);
static cl::extrahelp MoreHelp(R"(
Exit status: 0 when nothing uses the heap, 1 when there are findings, 2 on
errors (bad usage, no compilation database, a file that does not compile).

Examples:
  noalloc -p build                      every file of build/compile_commands.json
  noalloc -p build src/audio.cpp        one file, flags from the database
  noalloc main.cpp -- -std=c++20 -Iinc  no database: flags after --
  noalloc --checks='-*,noalloc-new-delete' -p build

Distributed with the build (CMake, Ninja, distcc, remote execution):
  cmake -DCMAKE_CXX_COMPILER_LAUNCHER="noalloc;launch" ...
                                        each compile leaves its result
  noalloc link build                    joins them and reports
)");

static cl::opt<std::string> Checks("checks", cl::desc(R"(
Comma-separated globs of checks to run, as in clang-tidy:
'-*,noalloc-new-delete' runs one check. Applied after
the default ('noalloc-*') and any .clang-tidy files.)"),
                                   cl::init(""), cl::cat(NoallocCategory));

static cl::opt<std::string> Config("config", cl::desc(R"(
Configuration in .clang-tidy's YAML format, e.g.
--config='{CheckOptions: {noalloc-c-allocation.ReportMayAllocate: true}}'.
Takes precedence over .clang-tidy files; --checks takes precedence over it.)"),
                                   cl::init(""), cl::cat(NoallocCategory));

static cl::opt<bool> ListChecks("list-checks",
                                cl::desc("List the enabled checks and exit."),
                                cl::init(false), cl::cat(NoallocCategory));

static cl::opt<std::string> HeaderFilter(
    "header-filter",
    cl::desc("Regular expression of the headers whose findings are shown\n"
             "(default: all non-system headers)."),
    cl::init(""), cl::cat(NoallocCategory));

static cl::list<std::string> KnowledgeFiles(
    "knowledge",
    cl::desc("A knowledge-base YAML file to add to the built-in one\n"
             "(repeatable); same as the KnowledgeFiles check option."),
    cl::cat(NoallocCategory));

static cl::opt<unsigned>
    Jobs("j",
         cl::desc("Translation units to analyse at once (default: all "
                  "cores)."),
         cl::init(0), cl::Prefix, cl::cat(NoallocCategory));

static cl::opt<std::string> Explain(
    "explain",
    cl::desc("Print every path from the functions matching this name or\n"
             "glob ('Sampler::tick', 'audio::*') to the heap, and exit."),
    cl::init(""), cl::cat(NoallocCategory));

static cl::opt<std::string>
    FactsDir("facts-dir",
             cl::desc("Also write each translation unit's facts (JSON, see\n"
                      "docs/facts.md) into this directory."),
             cl::init(""), cl::cat(NoallocCategory));

static cl::opt<bool>
    Stats("timing",
          cl::desc("Print where the time went and how large the facts are."),
          cl::init(false), cl::cat(NoallocCategory));

static cl::opt<std::string> CacheDir(
    "cache-dir",
    cl::desc("Where results of unchanged translation units are kept\n"
             "(default: $XDG_CACHE_HOME/noalloc or ~/.cache/noalloc)."),
    cl::init(""), cl::cat(NoallocCategory));

static cl::opt<bool> NoCache("no-cache",
                             cl::desc("Parse every file; keep no results."),
                             cl::init(false), cl::cat(NoallocCategory));

enum class OutputFormat { Text, Sarif, Json };
static cl::opt<OutputFormat> Format(
    "format", cl::desc("Output format."), cl::init(OutputFormat::Text),
    cl::values(clEnumValN(OutputFormat::Text, "text", "clang's diagnostics"),
               clEnumValN(OutputFormat::Sarif, "sarif", "SARIF 2.1.0"),
               clEnumValN(OutputFormat::Json, "json",
                          "findings and per-function results")),
    cl::cat(NoallocCategory));

static cl::opt<std::string> Output("output",
                                   cl::desc("Write the report to this file."),
                                   cl::init(""), cl::cat(NoallocCategory));

static cl::opt<std::string>
    DocsURL("docs-url",
            cl::desc("Where SARIF's rule help links point: the base of\n"
                     "docs/checks/ (default: this installation's docs)."),
            cl::init(NOALLOC_DOCS_URL), cl::cat(NoallocCategory));

static cl::opt<std::string> WriteBaseline(
    "write-baseline",
    cl::desc("Record today's findings in this file, to be accepted."),
    cl::init(""), cl::cat(NoallocCategory));

static cl::opt<std::string> Baseline(
    "baseline",
    cl::desc("Report only findings not recorded in this baseline file."),
    cl::init(""), cl::cat(NoallocCategory));

// `noalloc link DIR...` passes its directories here.
static cl::list<std::string> LinkDirectories("link-dir", cl::Hidden,
                                             cl::cat(NoallocCategory));

static cl::opt<bool>
    Fix("fix",
        cl::desc("Apply the fix-its: files are rewritten whole "
                 "or not at all."),
        cl::init(false), cl::cat(NoallocCategory));

static cl::opt<std::string> ExportFixes(
    "export-fixes",
    cl::desc("Write the fix-its to this file as clang-apply-replacements "
             "YAML."),
    cl::init(""), cl::cat(NoallocCategory));

static cl::opt<bool> Quiet("quiet", cl::desc("Do not print the summary line."),
                           cl::init(false), cl::cat(NoallocCategory));

static void printVersion(raw_ostream &OS) {
  OS << "noalloc " << NOALLOC_VERSION << " (clang " << CLANG_VERSION_STRING
     << ")\n";
}

static Expected<noalloc::RunOptions> makeRunOptions() {
  noalloc::RunOptions Options;
  if (!Config.empty()) {
    auto Parsed = parseConfiguration(MemoryBufferRef(Config, "--config"));
    if (!Parsed)
      return createStringError(Parsed.getError(), "invalid --config: %s",
                               Parsed.getError().message().c_str());
    Options.Overrides = std::move(*Parsed);
  }
  Options.Defaults = ClangTidyOptions::getDefaults();
  Options.Defaults.Checks = noalloc::defaultCheckGlob();
  Options.Defaults.HeaderFilterRegex = ".*";
  Options.Defaults.SystemHeaders = false;
  if (!Checks.empty())
    Options.Overrides.Checks = Checks;
  if (!HeaderFilter.empty())
    Options.Overrides.HeaderFilterRegex = HeaderFilter;
  // LLVM owns --color (a boolean); main() maps auto/always/never onto it.
  auto &Registered = cl::getRegisteredOptions();
  auto It = Registered.find("color");
  if (It != Registered.end())
    if (auto *UseColor = static_cast<cl::opt<cl::boolOrDefault> *>(It->second);
        UseColor->getValue() != cl::BOU_UNSET)
      Options.Overrides.UseColor = UseColor->getValue() == cl::BOU_TRUE;
  if (!KnowledgeFiles.empty())
    Options.Overrides.CheckOptions["KnowledgeFiles"] = {
        join(KnowledgeFiles, ";"), 0};
  return Options;
}

static bool isCompilerDiagnostic(const ClangTidyError &E) {
  return StringRef(E.DiagnosticName).starts_with("clang-diagnostic-");
}

/// Paths are relative to each compile command's directory; a header seen
/// from two directories must still be one file.
static std::string absolutePath(StringRef Path, StringRef BuildDirectory) {
  SmallString<256> Absolute(Path);
  sys::path::make_absolute(BuildDirectory, Absolute);
  sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  return std::string(Absolute);
}

static void makeAbsolute(tooling::DiagnosticMessage &Message,
                         StringRef BuildDirectory) {
  if (!Message.FilePath.empty())
    Message.FilePath = absolutePath(Message.FilePath, BuildDirectory);
  if (Message.Fix.empty())
    return;
  // The fix-its too: the same header's fix must match from every unit.
  StringMap<tooling::Replacements> Fixes;
  for (const auto &[File, Replacements] : Message.Fix)
    for (const tooling::Replacement &R : Replacements) {
      tooling::Replacement Absolute(
          absolutePath(R.getFilePath(), BuildDirectory), R.getOffset(),
          R.getLength(), R.getReplacementText());
      consumeError(Fixes[Absolute.getFilePath()].add(Absolute));
    }
  Message.Fix = std::move(Fixes);
}

/// A header's findings arrive once per translation unit that includes it.
static std::vector<ClangTidyError>
joinTranslationUnits(std::vector<noalloc::TranslationUnitResult> &Results) {
  std::vector<ClangTidyError> Joined;
  std::set<std::tuple<std::string, unsigned, std::string, std::string>> Seen;
  for (noalloc::TranslationUnitResult &R : Results)
    for (ClangTidyError &E : R.Diagnostics) {
      makeAbsolute(E.Message, E.BuildDirectory);
      for (tooling::DiagnosticMessage &Note : E.Notes)
        makeAbsolute(Note, E.BuildDirectory);
      auto Key = std::make_tuple(E.Message.FilePath, E.Message.FileOffset,
                                 E.DiagnosticName, E.Message.Message);
      if (Seen.insert(Key).second)
        Joined.push_back(std::move(E));
    }
  llvm::stable_sort(Joined, [](const ClangTidyError &A,
                               const ClangTidyError &B) {
    return std::tie(A.Message.FilePath, A.Message.FileOffset,
                    A.DiagnosticName) <
           std::tie(B.Message.FilePath, B.Message.FileOffset, B.DiagnosticName);
  });
  return Joined;
}

/// The value of a string option that a library registered (-p).
static std::string optionValue(StringRef Name) {
  auto &Registered = cl::getRegisteredOptions();
  auto It = Registered.find(Name);
  if (It == Registered.end())
    return "";
  return static_cast<cl::opt<std::string> *>(It->second)->getValue();
}

/// Accepts clang's --color=auto|always|never spelling for LLVM's boolean
/// --color option. Arguments after "--" belong to the compiler.
static std::vector<const char *> translateColorArguments(int Argc,
                                                         const char **Argv) {
  std::vector<const char *> Args;
  bool CompilerArgs = false;
  for (int I = 0; I < Argc; ++I) {
    StringRef Arg = Argv[I];
    CompilerArgs |= Arg == "--";
    if (!CompilerArgs && Arg.consume_front("-") &&
        (Arg.consume_front("-color=") || Arg.consume_front("color="))) {
      if (Arg == "auto")
        continue;
      if (Arg == "always" || Arg == "never") {
        Args.push_back(Arg == "always" ? "--color=true" : "--color=false");
        continue;
      }
    }
    Args.push_back(Argv[I]);
  }
  return Args;
}

/// Identifies this noalloc binary and its inputs other than the sources: a
/// rebuilt binary or an edited knowledge file makes every entry stale.
static std::string runFingerprint(const char *Argv0) {
  std::string Data;
  std::string Executable =
      sys::fs::getMainExecutable(Argv0, (void *)&runFingerprint);
  if (auto Buffer = MemoryBuffer::getFile(Executable, false, false))
    Data += utohexstr(xxh3_64bits((*Buffer)->getBuffer()));
  for (const std::string &Path : KnowledgeFiles)
    if (auto Buffer = MemoryBuffer::getFile(Path))
      Data += Path + utohexstr(xxh3_64bits((*Buffer)->getBuffer()));
  return Data;
}

/// Everything that determines a translation unit's result except the
/// contents of the files it reads, which the cache entry lists itself.
static std::string cacheKey(const tooling::CompilationDatabase &Database,
                            StringRef File, const noalloc::RunOptions &Options,
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
  ClangTidyOptions Effective =
      noalloc::makeOptionsProvider(Options)->getOptions(Absolute);
  Data += '\0' + configurationAsText(Effective);
  // The contents of knowledge files named in the configuration.
  if (auto It = Effective.CheckOptions.find("KnowledgeFiles");
      It != Effective.CheckOptions.end()) {
    for (const std::string &P : noalloc::optionList(It->second.Value))
      if (auto Buffer = MemoryBuffer::getFile(P))
        Data += utohexstr(xxh3_64bits((*Buffer)->getBuffer()));
  }
  return utohexstr(xxh3_64bits(Data), /*LowerCase=*/true, 16) +
         utohexstr(xxh3_64bits(Data + "noalloc"), true, 16);
}

/// "[3/120] src/audio.cpp 00:04, about 01:20 left" on a terminal's last
/// line; nothing when standard error is not a terminal.
class Progress {
public:
  explicit Progress(size_t Total)
      : Total(Total), Enabled(sys::Process::StandardErrIsDisplayed() && !Quiet),
        Start(std::chrono::steady_clock::now()) {}

  void update(unsigned Done, StringRef File) {
    if (!Enabled)
      return;
    std::lock_guard<std::mutex> Lock(Mutex);
    double Elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
            .count();
    std::string Line = formatv("[{0}/{1}] {2} {3}", Done, Total,
                               sys::path::filename(File), clock(Elapsed));
    if (Done > 0 && Done < Total)
      Line += " (about " + clock(Elapsed / Done * (Total - Done)) + " left)";
    errs() << "\r\x1b[K" << Line;
    errs().flush();
  }

  void finish() {
    if (Enabled)
      errs() << "\r\x1b[K";
  }

private:
  static std::string clock(double Seconds) {
    unsigned S = unsigned(Seconds);
    char Buffer[16];
    snprintf(Buffer, sizeof Buffer, "%02u:%02u", S / 60, S % 60);
    return Buffer;
  }

  size_t Total;
  bool Enabled;
  std::chrono::steady_clock::time_point Start;
  std::mutex Mutex;
};

/// Writes \p Text as the facts of \p MainFile into --facts-dir, whole or
/// not at all.
static bool writeFacts(StringRef MainFile, StringRef Text) {
  if (std::error_code EC = sys::fs::create_directories(FactsDir)) {
    WithColor::error(errs(), "noalloc")
        << "cannot create '" << FactsDir << "': " << EC.message() << "\n";
    return false;
  }
  SmallString<256> Absolute(MainFile);
  sys::fs::make_absolute(Absolute);
  SmallString<256> Path(FactsDir);
  sys::path::append(Path, sys::path::filename(MainFile) + "." +
                              utohexstr(xxh3_64bits(Absolute)) + ".facts.json");
  if (Error E = writeToOutput(Path, [&](raw_ostream &OS) {
        OS << Text;
        return Error::success();
      })) {
    WithColor::error(errs(), "noalloc") << toString(std::move(E)) << "\n";
    return false;
  }
  return true;
}

static tooling::DiagnosticMessage message(const std::string &Text,
                                          const noalloc::SourcePoint &Where) {
  tooling::DiagnosticMessage M;
  M.Message = Text;
  M.FilePath = Where.File;
  M.FileOffset = Where.Offset;
  return M;
}

/// Links the facts of all translation units, adds the findings of
/// noalloc-call and noalloc-unknown-call to \p Errors, and drops direct
/// findings in allowed zones or, with roots, outside the roots' reach.
/// Returns an exit status when the run ends here (--explain).
static std::optional<int>
linkAndReport(std::vector<noalloc::TranslationUnitResult> &Results,
              const noalloc::RunOptions &Options,
              std::vector<ClangTidyError> &Errors,
              std::unique_ptr<noalloc::HeapGraph> &LinkedGraph) {
  std::vector<noalloc::TranslationUnitFacts> Units;
  noalloc::LinkOptions Link;
  bool CallEnabled = false, UnknownEnabled = false;
  size_t FactBytes = 0;
  for (noalloc::TranslationUnitResult &R : Results) {
    CallEnabled |= R.Facts.CallCheckEnabled;
    UnknownEnabled |= R.Facts.UnknownCallCheckEnabled;
    if (R.Facts.Facts) {
      Link = R.Facts.Link;
      if (Stats || !FactsDir.empty()) {
        std::string Text;
        raw_string_ostream OS(Text);
        OS << noalloc::toJSON(*R.Facts.Facts);
        FactBytes += Text.size();
        if (!FactsDir.empty() && !writeFacts(R.MainFile, Text))
          return 2;
      }
      Units.push_back(std::move(*R.Facts.Facts));
    }
  }
  size_t UnitCount = Units.size();
  auto LinkStart = std::chrono::steady_clock::now();
  if (Units.empty()) {
    if (Explain.empty())
      return std::nullopt;
    WithColor::error(errs(), "noalloc")
        << "--explain needs noalloc-call enabled\n";
    return 2;
  }
  auto KB = noalloc::KnowledgeBase::get(Link.KnowledgeFiles);
  if (!KB) {
    WithColor::error(errs(), "noalloc") << toString(KB.takeError()) << "\n";
    return 2;
  }
  LinkedGraph =
      std::make_unique<noalloc::HeapGraph>(std::move(Units), **KB, Link);
  noalloc::HeapGraph &Graph = *LinkedGraph;
  auto Report = [&] {
    if (!Stats)
      return;
    double Seconds = std::chrono::duration<double>(
                         std::chrono::steady_clock::now() - LinkStart)
                         .count();
    errs() << "noalloc: link and report: " << format("%.3f", Seconds)
           << " s; facts: " << UnitCount << " translation units, "
           << (UnitCount ? FactBytes / UnitCount : 0)
           << " bytes each on average (JSON)\n";
  };
  if (!Explain.empty()) {
    if (!Graph.explain(Explain, outs())) {
      WithColor::error(errs(), "noalloc")
          << "no function defined in the analysed code matches '" << Explain
          << "'\n";
      return 2;
    }
    return 0;
  }

  llvm::erase_if(Errors, [&](const ClangTidyError &E) {
    if (StringRef(E.DiagnosticName).starts_with("clang-"))
      return false;
    noalloc::SourcePoint P;
    P.File = E.Message.FilePath;
    P.Offset = E.Message.FileOffset;
    return !Graph.isReported(P);
  });

  std::vector<noalloc::CallFinding> Findings;
  if (CallEnabled)
    Findings = Graph.callFindings();
  if (UnknownEnabled)
    llvm::append_range(Findings, Graph.unknownCallFindings());
  Report();
  for (const noalloc::CallFinding &F : Findings) {
    ClangTidyError E(F.Check, ClangTidyError::Warning, "", false);
    E.Message = message(F.Message, F.Where);
    for (const noalloc::ChainStep &Step : F.Notes)
      E.Notes.push_back(message(Step.Message, Step.Where));
    Errors.push_back(std::move(E));
  }
  llvm::stable_sort(Errors, [](const ClangTidyError &A,
                               const ClangTidyError &B) {
    return std::tie(A.Message.FilePath, A.Message.FileOffset,
                    A.DiagnosticName) <
           std::tie(B.Message.FilePath, B.Message.FileOffset, B.DiagnosticName);
  });
  // A header's call findings arrive from every unit that includes it.
  Errors.erase(
      std::unique(Errors.begin(), Errors.end(),
                  [](const ClangTidyError &A, const ClangTidyError &B) {
                    return A.Message.FilePath == B.Message.FilePath &&
                           A.Message.FileOffset == B.Message.FileOffset &&
                           A.DiagnosticName == B.DiagnosticName &&
                           A.Message.Message == B.Message.Message;
                  }),
      Errors.end());
  return std::nullopt;
}

/// --write-baseline records the findings; --baseline drops the recorded
/// ones. Returns an exit status on error.
static std::optional<int> applyBaseline(std::vector<ClangTidyError> &Errors) {
  if (WriteBaseline.empty() && Baseline.empty())
    return std::nullopt;
  noalloc::SourceFiles Sources;
  std::vector<ClangTidyError> Findings;
  for (ClangTidyError &E : Errors)
    if (!StringRef(E.DiagnosticName).starts_with("clang-"))
      Findings.push_back(E);
  // Paths in fingerprints are relative to the baseline file, so the same
  // baseline works from any directory.
  auto BaseOf = [](StringRef File) {
    SmallString<256> Dir(File);
    sys::fs::make_absolute(Dir);
    sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
    return std::string(sys::path::parent_path(Dir));
  };
  if (!WriteBaseline.empty())
    if (Error E = noalloc::writeBaseline(
            WriteBaseline,
            noalloc::fingerprints(Findings, Sources, BaseOf(WriteBaseline)))) {
      WithColor::error(errs(), "noalloc") << toString(std::move(E)) << "\n";
      return 2;
    }
  if (Baseline.empty())
    return std::nullopt;
  auto Accepted = noalloc::readBaseline(Baseline);
  if (!Accepted) {
    WithColor::error(errs(), "noalloc")
        << toString(Accepted.takeError()) << "\n";
    return 2;
  }
  std::vector<std::string> Prints =
      noalloc::fingerprints(Findings, Sources, BaseOf(Baseline));
  StringSet<> Drop;
  for (size_t I = 0; I < Findings.size(); ++I)
    if (Accepted->contains(Prints[I]))
      Drop.insert(Findings[I].DiagnosticName + '\0' +
                  Findings[I].Message.FilePath + '\0' +
                  std::to_string(Findings[I].Message.FileOffset) + '\0' +
                  Findings[I].Message.Message);
  size_t Before = Errors.size();
  llvm::erase_if(Errors, [&](const ClangTidyError &E) {
    return Drop.contains(E.DiagnosticName + '\0' + E.Message.FilePath + '\0' +
                         std::to_string(E.Message.FileOffset) + '\0' +
                         E.Message.Message);
  });
  if (!Quiet)
    errs() << "noalloc: " << Before - Errors.size()
           << " findings accepted by the baseline\n";
  return std::nullopt;
}

/// Prints the findings in the chosen format, to standard output or
/// --output. Returns an exit status on error.
static std::optional<int> printReport(const std::vector<ClangTidyError> &Errors,
                                      const noalloc::HeapGraph *Graph,
                                      const noalloc::RunOptions &Options,
                                      StringRef AnyFile) {
  if (Format == OutputFormat::Text) {
    // clang-tidy's renderer writes to standard output; --output points it
    // at the file for the duration.
    int Saved = -1, FD = -1;
    if (!Output.empty()) {
      if (std::error_code EC = sys::fs::openFileForWrite(Output, FD)) {
        WithColor::error(errs(), "noalloc")
            << "cannot write '" << Output << "': " << EC.message() << "\n";
        return 2;
      }
      outs().flush();
      Saved = ::dup(1);
      ::dup2(FD, 1);
    }
    ClangTidyContext PrintContext(noalloc::makeOptionsProvider(Options));
    PrintContext.setCurrentFile(AnyFile);
    unsigned WarningsAsErrors = 0;
    // clang-tidy's renderer also applies the fixes: each file is written to
    // a temporary and renamed, and conflicting fixes are skipped.
    handleErrors(Errors, PrintContext, Fix ? FB_Fix : FB_NoFix,
                 WarningsAsErrors, vfs::getRealFileSystem());
    if (Saved >= 0) {
      outs().flush();
      ::dup2(Saved, 1);
      ::close(Saved);
      ::close(FD);
    }
    return std::nullopt;
  }
  noalloc::SourceFiles Sources;
  std::vector<std::string> Checks;
  auto Provider = noalloc::makeOptionsProvider(Options);
  ClangTidyOptions All = Provider->getOptions(AnyFile);
  All.Checks = "-*,noalloc-*";
  Checks = getCheckNames(All, false, false);
  std::string Destination = Output.empty() ? "-" : Output.getValue();
  Error E = writeToOutput(Destination, [&](raw_ostream &OS) {
    if (Format == OutputFormat::Sarif)
      noalloc::writeSarif(Errors, Checks, DocsURL, Sources, OS);
    else
      noalloc::writeJson(Errors, Graph, Sources, OS);
    return Error::success();
  });
  if (E) {
    WithColor::error(errs(), "noalloc") << toString(std::move(E)) << "\n";
    return 2;
  }
  return std::nullopt;
}

/// Parses (or finds in the cache) every translation unit of the run.
/// Returns an exit status when the run ends here.
static std::optional<int>
analyzeAll(tooling::CommonOptionsParser &Parser,
           const noalloc::RunOptions &Options, const char *Argv0,
           std::vector<std::string> &Files,
           std::vector<noalloc::TranslationUnitResult> &Results) {
  // CommonOptionsParser loads no database when no source is named: then
  // every file of the -p database is analysed.
  // An explicit -p that names no database is an error, not a run without
  // flags as CommonOptionsParser would have it.
  std::unique_ptr<tooling::CompilationDatabase> WholeDatabase;
  Files = Parser.getSourcePathList();
  std::string BuildPath = optionValue("p");
  if (!BuildPath.empty()) {
    if (Error E = noalloc::checkCompilationDatabase(BuildPath)) {
      WithColor::error(errs(), "noalloc") << toString(std::move(E)) << "\n";
      return 2;
    }
    std::string Message;
    WholeDatabase = tooling::CompilationDatabase::autoDetectFromDirectory(
        BuildPath, Message);
    if (!WholeDatabase) {
      WithColor::error(errs(), "noalloc") << Message << "\n";
      return 2;
    }
    if (Files.empty())
      Files = WholeDatabase->getAllFiles();
    else
      WholeDatabase.reset(); // The parser's copy applies --extra-arg.
  } else if (Files.empty()) {
    WithColor::error(errs(), "noalloc")
        << "no source files: name them, or give -p <build-dir>\n";
    return 2;
  }
  tooling::CompilationDatabase &Database =
      WholeDatabase ? *WholeDatabase : Parser.getCompilations();
  if (Error E = noalloc::validateNoallocConfigs(Files)) {
    WithColor::error(errs(), "noalloc") << toString(std::move(E)) << "\n";
    return 2;
  }
  if (Files.empty()) {
    WithColor::error(errs(), "noalloc")
        << "no source files: name them, or give -p <build-dir> with a "
           "compile_commands.json that lists some\n";
    return 2;
  }

  std::unique_ptr<noalloc::ResultCache> Cache;
  std::string Fingerprint;
  if (!NoCache) {
    std::string Directory =
        CacheDir.empty() ? noalloc::ResultCache::defaultDirectory() : CacheDir;
    if (!Directory.empty()) {
      Cache = std::make_unique<noalloc::ResultCache>(Directory);
      Fingerprint = runFingerprint(Argv0);
    }
  }

  Results.resize(Files.size());
  std::atomic<unsigned> Done = 0, Cached = 0;
  Progress Bar(Files.size());
  {
    DefaultThreadPool Pool(hardware_concurrency(Jobs));
    // Largest sources first, so that no long parse starts last.
    std::vector<size_t> Order(Files.size());
    std::vector<uint64_t> Sizes(Files.size(), 0);
    for (size_t I = 0; I < Files.size(); ++I) {
      Order[I] = I;
      sys::fs::file_size(Files[I], Sizes[I]);
    }
    llvm::stable_sort(Order,
                      [&](size_t A, size_t B) { return Sizes[A] > Sizes[B]; });
    for (size_t I : Order)
      Pool.async([&, I] {
        std::string Key;
        if (Cache) {
          Key = cacheKey(Database, Files[I], Options, Fingerprint);
          if (auto Hit = Cache->lookup(Key)) {
            Results[I] = std::move(*Hit);
            ++Cached;
            Bar.update(++Done, Files[I]);
            return;
          }
        }
        Bar.update(Done, Files[I]);
        Results[I] =
            noalloc::analyzeTranslationUnit(Database, Files[I], Options);
        if (Cache)
          Cache->store(Key, Results[I]);
        Bar.update(++Done, Files[I]);
      });
    Pool.wait();
  }
  Bar.finish();
  if (Stats)
    errs() << "noalloc: " << Cached << " of " << Files.size()
           << " translation units from the cache\n";
  return std::nullopt;
}

/// `noalloc link DIR...`: the results the launcher left beside the object
/// files, joined as if this run had parsed them.
static std::optional<int>
readLaunchedResults(ArrayRef<std::string> Directories,
                    std::vector<std::string> &Files,
                    std::vector<noalloc::TranslationUnitResult> &Results) {
  if (Directories.empty()) {
    WithColor::error(errs(), "noalloc")
        << "link: name the build directories to collect\n";
    return 2;
  }
  std::vector<std::string> Paths;
  for (const std::string &Directory : Directories) {
    std::error_code EC;
    for (sys::fs::recursive_directory_iterator It(Directory, EC), End;
         It != End && !EC; It.increment(EC))
      if (StringRef(It->path()).ends_with(".noalloc"))
        Paths.push_back(It->path());
    if (EC) {
      WithColor::error(errs(), "noalloc")
          << "cannot read '" << Directory << "': " << EC.message() << "\n";
      return 2;
    }
  }
  if (Paths.empty()) {
    WithColor::error(errs(), "noalloc")
        << "link: no .noalloc results found; build with "
           "CMAKE_CXX_COMPILER_LAUNCHER=\"noalloc;launch\"\n";
    return 2;
  }
  llvm::sort(Paths);
  for (const std::string &Path : Paths) {
    auto Result = noalloc::readResult(Path);
    if (!Result) {
      WithColor::error(errs(), "noalloc")
          << toString(Result.takeError()) << "\n";
      return 2;
    }
    Files.push_back(Result->MainFile);
    Results.push_back(std::move(*Result));
  }
  return std::nullopt;
}

/// `noalloc launch <compiler> <args>...`, as CMAKE_CXX_COMPILER_LAUNCHER:
/// compiles, then analyses the same translation unit and leaves its result
/// beside the object file, for `noalloc link`. The build's own output and
/// status are the compiler's.
static int launchMain(ArrayRef<const char *> Command) {
  if (Command.empty()) {
    WithColor::error(errs(), "noalloc") << "launch: no compiler given\n";
    return 2;
  }
  auto Compiler = sys::findProgramByName(Command[0]);
  if (!Compiler) {
    WithColor::error(errs(), "noalloc")
        << "launch: cannot find '" << Command[0] << "'\n";
    return 2;
  }
  std::vector<StringRef> Args(Command.begin(), Command.end());
  int Status = sys::ExecuteAndWait(*Compiler, Args);
  if (Status != 0)
    return Status;

  // Only compilations of one C or C++ source into an object are analysed.
  std::string Source, Object;
  bool CompileOnly = false;
  for (size_t I = 1; I < Args.size(); ++I) {
    StringRef Arg = Args[I];
    if (Arg == "-c")
      CompileOnly = true;
    else if (Arg == "-o" && I + 1 < Args.size())
      Object = Args[++I].str();
    else if (!Arg.starts_with("-") &&
             StringSwitch<bool>(sys::path::extension(Arg))
                 .Cases(".c", ".cc", ".cpp", ".cxx", ".c++", ".C", true)
                 .Default(false))
      Source = Arg.str();
  }
  if (!CompileOnly || Source.empty() || Object.empty())
    return 0;

  SmallString<256> Directory;
  sys::fs::current_path(Directory);
  json::Array Arguments;
  for (StringRef A : Args)
    Arguments.push_back(A);
  std::string Json;
  raw_string_ostream(Json) << json::Value(
      json::Array{json::Object{{"directory", Directory},
                               {"file", Source},
                               {"arguments", std::move(Arguments)}}});
  std::string Error;
  auto Database = tooling::JSONCompilationDatabase::loadFromBuffer(
      Json, Error, tooling::JSONCommandLineSyntax::AutoDetect);
  if (!Database) {
    WithColor::error(errs(), "noalloc") << "launch: " << Error << "\n";
    return 2;
  }
  noalloc::RunOptions Options;
  Options.Defaults = ClangTidyOptions::getDefaults();
  Options.Defaults.Checks = noalloc::defaultCheckGlob();
  Options.Defaults.HeaderFilterRegex = ".*";
  Options.Defaults.SystemHeaders = false;
  noalloc::TranslationUnitResult Result =
      noalloc::analyzeTranslationUnit(*Database, Source, Options);
  if (!Result.Compiled)
    WithColor::warning(errs(), "noalloc")
        << "'" << Source << "' compiles, but not for the analysis; "
        << "'noalloc link' will report it\n";
  if (llvm::Error E = noalloc::writeResult(Object + ".noalloc", Result)) {
    WithColor::error(errs(), "noalloc")
        << "launch: " << toString(std::move(E)) << "\n";
    return 2;
  }
  return 0;
}

int main(int argc, const char **argv) {
  InitLLVM X(argc, argv);
  if (argc >= 2 && StringRef(argv[1]) == "launch")
    return launchMain(ArrayRef<const char *>(argv + 2, argv + argc));
  // `noalloc link DIR...`: the remaining arguments as usual.
  bool LinkMode = argc >= 2 && StringRef(argv[1]) == "link";
  std::vector<std::string> LinkArgs;
  std::vector<const char *> LinkArgv;
  if (LinkMode) {
    // The directories are not sources: keep them from the database lookup.
    LinkArgv.push_back(argv[0]);
    // A word is a directory to collect unless it is the value of the
    // option before it ('--output report.txt').
    auto &Registered = cl::getRegisteredOptions();
    bool TakesValue = false;
    for (int I = 2; I < argc; ++I) {
      StringRef Arg = argv[I];
      if (!Arg.starts_with("-") && !TakesValue) {
        LinkArgs.push_back("--link-dir=" + Arg.str());
        continue;
      }
      LinkArgs.push_back(Arg.str());
      StringRef Name = Arg.ltrim('-');
      auto It = Registered.find(Name);
      TakesValue = Arg.starts_with("-") && !Name.contains('=') &&
                   It != Registered.end() &&
                   It->second->getValueExpectedFlag() == cl::ValueRequired;
    }
    for (const std::string &A : LinkArgs)
      LinkArgv.push_back(A.c_str());
    argc = LinkArgv.size();
    argv = LinkArgv.data();
  }
  cl::SetVersionPrinter(printVersion);
  std::vector<const char *> Args = translateColorArguments(argc, argv);
  int ArgCount = Args.size();
  auto Parser = tooling::CommonOptionsParser::create(
      ArgCount, Args.data(), NoallocCategory, cl::ZeroOrMore,
      "Finds code that uses the heap, and the path by which it does.\n");
  if (!Parser) {
    // The parser has printed what was wrong, unless the message says more.
    std::string Message = toString(Parser.takeError());
    if (!StringRef(Message).trim().empty())
      WithColor::error(errs(), "noalloc") << StringRef(Message).trim() << "\n";
    return 2;
  }

  auto ParsedOptions = makeRunOptions();
  if (!ParsedOptions) {
    WithColor::error(errs(), "noalloc")
        << toString(ParsedOptions.takeError()) << "\n";
    return 2;
  }
  noalloc::RunOptions Options = std::move(*ParsedOptions);
  if (ListChecks) {
    auto Provider = noalloc::makeOptionsProvider(Options);
    SmallString<256> Here;
    sys::fs::current_path(Here);
    sys::path::append(Here, "dummy.cpp");
    ClangTidyOptions Effective = Provider->getOptions(Here);
    outs() << "Enabled checks:";
    for (const std::string &Name : getCheckNames(Effective, false, false))
      outs() << "\n    " << Name;
    outs() << "\n\n";
    return 0;
  }

  std::vector<std::string> Files;
  std::vector<noalloc::TranslationUnitResult> Results;
  if (LinkMode) {
    if (std::optional<int> Status =
            readLaunchedResults(LinkDirectories, Files, Results))
      return *Status;
  } else if (std::optional<int> Status =
                 analyzeAll(*Parser, Options, argv[0], Files, Results)) {
    return *Status;
  }

  std::vector<std::string> Failed;
  for (const noalloc::TranslationUnitResult &R : Results)
    if (!R.Compiled)
      Failed.push_back(R.MainFile);
  std::vector<ClangTidyError> Errors = joinTranslationUnits(Results);

  // The link step: one call graph for the whole program.
  std::unique_ptr<noalloc::HeapGraph> Graph;
  if (std::optional<int> Status =
          linkAndReport(Results, Options, Errors, Graph))
    return *Status;

  if (std::optional<int> Status = applyBaseline(Errors))
    return *Status;

  unsigned Findings = 0;
  bool ConfigurationError = false;
  for (const ClangTidyError &E : Errors) {
    if (E.DiagnosticName == "clang-tidy-config")
      ConfigurationError = true;
    else if (!isCompilerDiagnostic(E))
      ++Findings;
  }

  if (!ExportFixes.empty())
    if (Error E = writeToOutput(ExportFixes, [&](raw_ostream &OS) {
          exportReplacements(Files.front(), Errors, OS);
          return Error::success();
        })) {
      WithColor::error(errs(), "noalloc") << toString(std::move(E)) << "\n";
      return 2;
    }
  if (std::optional<int> Status =
          printReport(Errors, Graph.get(), Options, Files.front()))
    return *Status;

  // "0 findings" would claim that files no parse reached are clean.
  if (!Quiet && Failed.size() < Files.size()) {
    errs() << "noalloc: " << Findings
           << (Findings == 1 ? " finding" : " findings") << " in "
           << Files.size() << (Files.size() == 1 ? " file" : " files") << "\n";
  }
  if (!Failed.empty()) {
    WithColor::error(errs(), "noalloc")
        << Failed.size() << (Failed.size() == 1 ? " file does" : " files do")
        << " not compile; their findings are incomplete:\n";
    for (const std::string &F : Failed)
      errs() << "  " << F << "\n";
  }
  if (!Failed.empty() || ConfigurationError)
    return 2;
  return Findings ? 1 : 0;
}
