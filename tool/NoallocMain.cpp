//===--- NoallocMain.cpp - The noalloc command-line tool ------------------===//
//
// noalloc [options] <source>... [-- <compiler args>]
// noalloc launch <compiler> <args>...
// noalloc link [options] <build-dir>...
//
// Analyses each translation unit once (AnalyzeSources), or collects what
// `noalloc launch` left (Launch), joins the findings of all units
// (JoinFindings), links the whole program (LinkAndReport), applies the
// baseline (Baseline) and reports (PrintReport, Reports).
//
//===----------------------------------------------------------------------===//

#include "AnalyzeSources.h"
#include "Annotate.h"
#include "ApplyFixes.h"
#include "Baseline.h"
#include "JoinFindings.h"
#include "Launch.h"
#include "LinkAndReport.h"
#include "PrintReport.h"
#include "RenderCache.h"
#include "ReportCache.h"
#include "ReportFilters.h"
#include "ResultCache.h"
#include "RunConfiguration.h"
#include "SafeOutput.h"
#include "ToolOptions.h"
#include "VerifyConfig.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/GlobList.h"
#include "utils/LLVMCompat.h"
#include "utils/Paths.h"
#include "utils/Phrases.h"
#include "clang/Basic/Version.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/WithColor.h"
#include <chrono>
#include <csignal>

using namespace clang;
using namespace clang::tidy;
using namespace llvm;
using namespace noalloc;

namespace noalloc {
extern volatile int NoallocModuleAnchorSource;
} // namespace noalloc
static int LLVM_ATTRIBUTE_UNUSED NoallocModuleAnchorDestination =
    noalloc::NoallocModuleAnchorSource;

static void printVersion(raw_ostream &OS) {
  OS << "noalloc " << NOALLOC_VERSION << " (clang " << CLANG_VERSION_STRING
     << ")\n";
}

static bool isCompilerDiagnostic(const ClangTidyError &E) {
  return StringRef(E.DiagnosticName).starts_with("clang-diagnostic-");
}

/// --list-checks: the checks enabled for a file in the current directory.
static int listChecks(const RunOptions &Options) {
  auto Provider = makeOptionsProvider(Options);
  SmallString<256> Here;
  sys::fs::current_path(Here);
  sys::path::append(Here, "dummy.cpp");
  ClangTidyOptions Effective = Provider->getOptions(Here);
  outs() << "Enabled checks:";
  for (const std::string &Name : compat::enabledCheckNames(Effective))
    outs() << "\n    " << Name;
  outs() << "\n\n";
  return 0;
}

static constexpr llvm::StringLiteral UnknownCallCheck = "noalloc-unknown-call";

/// `noalloc link --checks=...` narrows what is reported: the launcher ran
/// the checks already.
static void keepLinkedChecks(std::vector<ClangTidyError> &Errors) {
  if (cli::Checks.empty())
    return;
  GlobList Enabled(cli::Checks);
  llvm::erase_if(Errors, [&](const ClangTidyError &E) {
    // Counted for the summary line first (takeUnfollowedCalls).
    return !StringRef(E.DiagnosticName).starts_with("clang-") &&
           E.DiagnosticName != UnknownCallCheck &&
           !Enabled.contains(E.DiagnosticName);
  });
}

/// The calls the run could not follow, for the summary line: the
/// noalloc-unknown-call findings that the run's filters keep (roots,
/// allowed zones, NOLINT, header and line filters; not a baseline, which
/// accepts findings but follows no call), counted whether or not the check
/// is on, then dropped when it is off. So the line and the check's list
/// agree.
static UnseenCalls takeUnfollowedCalls(std::vector<ClangTidyError> &Errors,
                                       const LinkedRun &Linked) {
  UnseenCalls Count;
  for (const ClangTidyError &E : Errors)
    if (E.DiagnosticName == UnknownCallCheck)
      Count.add(E.Message.Message);
  Count.noteOpenEntry(*Linked.Graph);
  bool Listed = Linked.Options.enabled(UnknownCallCheck) &&
                (!cli::LinkCommand || cli::Checks.empty() ||
                 GlobList(cli::Checks).contains(UnknownCallCheck));
  if (!Listed)
    llvm::erase_if(Errors, [](const ClangTidyError &E) {
      return E.DiagnosticName == UnknownCallCheck;
    });
  return Count;
}

/// The files that do not compile, on standard error.
static void printCompileFailures(const RunSummary &Summary) {
  if (Summary.Failed.empty())
    return;
  size_t Failed = Summary.Failed.size();
  WithColor::error(errs(), "noalloc")
      << Failed << (Failed == 1 ? " file does" : " files do")
      << " not compile; their findings are incomplete:\n";
  for (const std::string &F : Summary.Failed)
    errs() << "  " << F << "\n";
}

/// The summary line and the files that do not compile, on standard error.
static void printSummary(const RunSummary &Summary) {
  std::string Line = Summary.line();
  if (!cli::Quiet && !Line.empty()) {
    errs() << "noalloc: " << Line << "\n";
    // Each root's answer in a line, however many findings its reach has.
    for (const std::string &Root : Summary.Roots)
      errs() << "noalloc: " << Root << "\n";
  }
  // Failed assertions can outnumber the rest: say which option accepts them.
  if (unsigned N = Summary.FailurePaths; N && !cli::Quiet)
    errs() << "noalloc: " << N
           << (N == 1 ? " of them is a failure path"
                      : " of them are failure paths")
           << " (heap use only after a call fails, such as a failed assert); "
              "'noalloc-call.FailurePaths: accept' accepts "
           << (N == 1 ? "it" : "them") << "\n";
  printCompileFailures(Summary);
}

/// --fix: one run at a time on a project, from before its analysis (the
/// fixes' offsets are into the files as analysed).
static std::optional<int> lockForFix(ArrayRef<std::string> Files,
                                     std::optional<FixLock> &Lock) {
  if (!cli::Fix && !cli::FixErrors)
    return std::nullopt;
  Expected<FixLock> Acquired = FixLock::acquire(projectRoot(Files));
  if (!Acquired) {
    WithColor::error(errs(), "noalloc")
        << toString(Acquired.takeError()) << "\n";
    return 2;
  }
  Lock.emplace(std::move(*Acquired));
  return std::nullopt;
}

/// --annotate: the attributes to write instead of the fix-its, or an exit
/// status when the run ends here.
static std::optional<int> annotations(
    const LinkedRun *Linked, const tooling::CompilationDatabase *Database,
    ArrayRef<TranslationUnitResult> Results, ArrayRef<std::string> Failed,
    std::vector<ClangTidyError> &Annotations) {
  if (!Linked || !Database)
    return std::nullopt;
  if (!Failed.empty()) {
    WithColor::note(errs(), "noalloc")
        << "found compiler errors: no function has been annotated\n";
    return std::nullopt;
  }
  return annotate(*Linked, *Database, Results,
                  cli::Annotate == cli::AnnotateMode::NonBlocking
                      ? EffectAttribute::NonBlocking
                      : EffectAttribute::NonAllocating,
                  Annotations);
}

/// "noalloc: 12 functions marked [[clang::nonallocating]]".
static void printAnnotated(ArrayRef<ClangTidyError> Annotations) {
  if (cli::Quiet)
    return;
  EffectAttribute Attribute = cli::Annotate == cli::AnnotateMode::NonBlocking
                                  ? EffectAttribute::NonBlocking
                                  : EffectAttribute::NonAllocating;
  StringSet<> Files, InC;
  for (const ClangTidyError &E : Annotations)
    for (const auto &Entry : E.Message.Fix) {
      Files.insert(Entry.first());
      for (const tooling::Replacement &R : Entry.second)
        if (R.getReplacementText().contains(gnuAttributeSpelling(Attribute)))
          InC.insert(Entry.first());
    }
  size_t N = Annotations.size();
  errs() << "noalloc: " << N << (N == 1 ? " function " : " functions ")
         << (cli::Fix || cli::FixErrors ? "marked " : "can be marked ")
         << (InC.size() == Files.size() ? gnuAttributeSpelling(Attribute)
                                        : attributeSpelling(Attribute))
         << " in " << Files.size() << (Files.size() == 1 ? " file" : " files");
  if (!InC.empty() && InC.size() < Files.size())
    errs() << " (" << gnuAttributeSpelling(Attribute) << " in the "
           << InC.size() << " that C units read)";
  errs() << "; clang accepts every one\n";
  // An attribute makes a root: the next run reports only what the roots
  // reach (review9-6: the malloc of an unmarked function went unreported).
  if (N > 0 && (cli::Fix || cli::FixErrors))
    errs()
        << "noalloc: the marked functions are roots from now on: later "
           "runs report only what roots reach (docs/annotate.md#later-runs)\n";
}

/// What a failed run leaves unwritten: standard output for a report in a
/// format for machines, and the files of --output, --export-fixes and
/// --write-baseline, each quoted. One rule for all of them: a run that
/// fails (RunSummary::failed) has incomplete findings, and a report,
/// fix-its or a baseline of part of the program would pass for the whole.
/// Existing files are left as they were.
static std::vector<std::string> unwrittenOutputs(const RunSummary &Summary) {
  std::vector<std::string> Unwritten;
  if (!Summary.failed())
    return Unwritten;
  StringRef Report = cli::Output.empty() ? "-" : StringRef(cli::Output);
  if (Report == "-" && cli::Format != cli::OutputFormat::Text)
    Unwritten.push_back("standard output");
  for (StringRef Path :
       {Report, StringRef(cli::ExportFixes), StringRef(cli::WriteBaseline)})
    if (!Path.empty() && Path != "-")
      Unwritten.push_back(("'" + Path + "'").str());
  return Unwritten;
}

/// "noalloc: note: nothing written to 'out.sarif' and 'fixes.yaml': ...".
static void printUnwritten(ArrayRef<std::string> Unwritten) {
  if (Unwritten.empty())
    return;
  WithColor::note(errs(), "noalloc")
      << "nothing written to " << joinList(Unwritten)
      << ": the run has errors, so its findings are incomplete\n";
}

/// Writes --export-fixes: \p Fixes as clang-apply-replacements YAML.
static std::optional<int> exportFixes(ArrayRef<ClangTidyError> Fixes,
                                      StringRef AnyFile) {
  if (cli::ExportFixes.empty())
    return std::nullopt;
  if (Error E = writeFileSafely(cli::ExportFixes, [&](raw_fd_ostream &OS) {
        exportReplacements(AnyFile, Fixes, OS);
        return Error::success();
      })) {
    WithColor::error(errs(), "noalloc") << toString(std::move(E)) << "\n";
    return 2;
  }
  return std::nullopt;
}

static bool isConfigurationError(const ClangTidyError &E) {
  return E.DiagnosticName == "clang-tidy-config";
}

/// clang-tidy says a bad option value as a warning ("invalid configuration
/// value"); it fails the run, so it is said as an error. Whether there is
/// one.
static bool markConfigurationErrors(std::vector<ClangTidyError> &Errors) {
  bool Any = false;
  for (ClangTidyError &E : Errors)
    if (isConfigurationError(E)) {
      E.DiagLevel = ClangTidyError::Error;
      Any = true;
    }
  return Any;
}

/// Counts the findings of \p Errors and the files they are in.
static void countFindings(ArrayRef<ClangTidyError> Errors,
                          RunSummary &Summary) {
  StringSet<> FilesWithFindings;
  for (const ClangTidyError &E : Errors) {
    if (!isConfigurationError(E) && !isCompilerDiagnostic(E)) {
      ++Summary.Findings;
      FilesWithFindings.insert(E.Message.FilePath);
      if (isFailurePathMessage(E.Message.Message))
        ++Summary.FailurePaths;
    }
  }
  Summary.FilesWithFindings = FilesWithFindings.size();
}

/// The command line's filters, and what the link says beside the findings
/// (calls it could not follow, library calls the policy accepts, roots).
static void filterFindings(std::vector<ClangTidyError> &Errors,
                           const std::optional<LinkedRun> &Linked,
                           const RunOptions &Options,
                           ArrayRef<std::string> Files, RunSummary &Summary) {
  if (cli::LinkCommand)
    keepLinkedChecks(Errors);
  applyHeaderFilters(Errors, Options, Files);
  applyLineFilter(Errors, Options.Global);
  if (!Linked)
    return;
  Summary.Unfollowed = takeUnfollowedCalls(Errors, *Linked);
  Summary.AcceptedLibrary =
      acceptedLibraryCalls(*Linked->Graph, Linked->Options.Policy);
  if (!cli::Quiet)
    Summary.Roots = rootAnswers(*Linked->Graph, Linked->Options.Policy,
                                RunSummary::RootsShown);
}

/// The summary's last lines; the exit status of the run.
static int finish(const RunSummary &Summary, ArrayRef<std::string> Unwritten,
                  unsigned AsErrors) {
  printSummary(Summary);
  printUnwritten(Unwritten);
  if (AsErrors && !cli::Quiet)
    errs() << "noalloc: " << AsErrors
           << (AsErrors == 1 ? " finding" : " findings")
           << " treated as errors\n";
  if (Summary.failed())
    return 2;
  // Writing a baseline accepts today's findings.
  return Summary.Findings && cli::WriteBaseline.empty() ? 1 : 0;
}

/// Joins, links, filters and prints the results of every unit; the exit
/// status of the run.
static int report(std::vector<TranslationUnitResult> &Results,
                  FactsCollector &Facts, ArrayRef<std::string> Files,
                  const RunOptions &Options,
                  const tooling::CompilationDatabase *Database,
                  RenderCache *Rendered) {
  RunSummary Summary;
  Summary.FilesAnalysed = Files.size();
  for (const TranslationUnitResult &R : Results)
    if (!R.Compiled)
      Summary.Failed.push_back(R.MainFile);
  std::vector<ClangTidyError> Errors = joinTranslationUnits(Results);

  // The link step: one call graph for the whole program.
  std::optional<LinkedRun> Linked;
  if (std::optional<int> Status =
          linkAndReport(Results, Facts, Files, Options, Errors, Linked)) {
    // --explain's answer: incomplete, as a report would be, when a unit
    // does not compile.
    if (*Status == 0 && !Summary.Failed.empty()) {
      printCompileFailures(Summary);
      return 2;
    }
    return *Status;
  }
  filterFindings(Errors, Linked, Options, Files, Summary);
  // Whether the run fails is known here, before any file is written.
  Summary.ConfigurationError = markConfigurationErrors(Errors);
  std::vector<std::string> Unwritten = unwrittenOutputs(Summary);
  if (!Summary.failed())
    if (std::optional<int> Status = recordBaseline(Errors))
      return *Status;
  if (std::optional<int> Status = applyBaseline(Errors))
    return *Status;
  unsigned AsErrors = markWarningsAsErrors(Errors, Options, Files.front());
  countFindings(Errors, Summary);

  bool Annotating = cli::Annotate != cli::AnnotateMode::Off;
  std::vector<ClangTidyError> Annotations;
  if (Annotating)
    if (std::optional<int> Status =
            annotations(Linked ? &*Linked : nullptr, Database, Results,
                        Summary.Failed, Annotations))
      return *Status;
  // --annotate writes the attributes instead of the fix-its.
  const std::vector<ClangTidyError> &Fixes = Annotating ? Annotations : Errors;
  if (!Summary.failed())
    if (std::optional<int> Status = exportFixes(Fixes, Files.front()))
      return *Status;
  if (std::optional<int> Status =
          printReport(Errors, Linked ? &*Linked : nullptr, Options,
                      Files.front(), Summary, Rendered))
    return *Status;
  if (!cli::Quiet)
    for (const std::string &Line :
         {Summary.Unfollowed.describe(), Summary.Unfollowed.openEntryLine(),
          Summary.AcceptedLibrary.describe()})
      if (!Line.empty())
        errs() << "noalloc: " << Line << "\n";
  if (cli::Fix || cli::FixErrors)
    if (std::optional<int> Status =
            applyFixes(Fixes, Files, Summary.Failed, cli::FixErrors,
                       cli::FixOutsideProject))
      return *Status;
  if (Annotating && Summary.Failed.empty())
    printAnnotated(Annotations);
  return finish(Summary, Unwritten, AsErrors);
}

/// --verify-config: the configuration of every source of the run (every
/// file of the database with -p), or of a file here when none is named.
static int verifyEveryConfig(const RunOptions &Options, StringRef AnyFile) {
  if (cli::Sources.empty() && cli::BuildPath.empty())
    return verifyConfig(Options, {AnyFile.str()});
  Expected<Compilations> Run = loadCompilations();
  if (!Run) {
    WithColor::error(errs(), "noalloc") << toString(Run.takeError()) << "\n";
    return 2;
  }
  std::vector<std::string> Files;
  for (const std::string &File : Run->Files)
    Files.push_back(normalizedPath(File));
  return verifyConfig(Options, Files);
}

/// The units of `noalloc link`: the results that the launcher or the Bazel
/// aspect wrote, read back.
static std::optional<int>
readLinkedUnits(const RunOptions &Options, std::vector<std::string> &Files,
                std::vector<TranslationUnitResult> &Results,
                FactsCollector &Facts, std::optional<FixLock> &Lock) {
  auto Start = std::chrono::steady_clock::now();
  if (std::optional<int> Status =
          readLaunchedResults(Options, cli::LinkDirectories, Files, Results,
                              [&](TranslationUnitResult &R) { Facts.add(R); }))
    return Status;
  if (cli::Stats)
    errs() << "noalloc: reading " << Results.size() << " link inputs: "
           << format("%.3f", std::chrono::duration<double>(
                                 std::chrono::steady_clock::now() - Start)
                                 .count())
           << " s\n";
  // As the main command does: a broken configuration is an error.
  if (Error E = checkConfiguration(Files, Options)) {
    WithColor::error(errs(), "noalloc") << toString(std::move(E)) << "\n";
    return 2;
  }
  return lockForFix(Files, Lock);
}

namespace {
/// The units of a run and what is known of them.
struct RunUnits {
  std::vector<std::string> Files;
  std::vector<TranslationUnitResult> Results;
  FactsCollector Facts;
  std::optional<FixLock> Lock;
  std::unique_ptr<tooling::CompilationDatabase> Database;
  std::unique_ptr<ResultCache> Cache;
  /// The run's output is kept and replayed (ReportCache.h).
  std::unique_ptr<ReportCache> Report;
};
} // namespace

/// The report cache of \p Run, or null.
static std::unique_ptr<ReportCache>
openReportCache(const Compilations &Run, const RunOptions &Options,
                const char *Argv0, ArrayRef<std::string> Arguments,
                ResultCache &Cache, ArrayRef<std::string> Keys) {
  if (!ReportCache::allowed())
    return nullptr;
  std::optional<std::string> UnitsKey =
      wholeRunKey(Run, Options, Argv0, Keys, Cache);
  if (!UnitsKey)
    return nullptr;
  return ReportCache::open(Cache, *UnitsKey, Arguments);
}

/// The units of the compilation database, analysed here (or read from the
/// cache), and the facts of the program's other units; or an exit status,
/// the stored output's when nothing changed since it was kept.
static std::optional<int> analyzeDatabaseUnits(const RunOptions &Options,
                                               const char *Argv0,
                                               ArrayRef<std::string> Arguments,
                                               RunUnits &Units) {
  Expected<Compilations> Run = loadCompilations();
  if (!Run) {
    WithColor::error(errs(), "noalloc") << toString(Run.takeError()) << "\n";
    return 2;
  }
  if (std::string Skipped = Run->Skipped.describe(); !Skipped.empty())
    WithColor::note(errs(), "noalloc")
        << Skipped << ": noalloc analyses C, C++ and Objective-C\n";
  if (std::optional<int> Status = lockForFix(Run->Files, Units.Lock))
    return Status;
  if (std::optional<int> Status = checkSources(*Run, Options))
    return Status;
  Units.Cache = openResultCache();
  std::vector<std::string> Keys;
  if (Units.Cache) {
    Keys = unitKeys(*Run, Options, Argv0);
    Units.Report =
        openReportCache(*Run, Options, Argv0, Arguments, *Units.Cache, Keys);
  }
  if (Units.Report) {
    if (std::optional<int> Status = Units.Report->replay()) {
      Units.Report.reset();
      return Status;
    }
  }
  Units.Facts.expect(Run->Files.size());
  analyzeSources(*Run, Options, Units.Cache.get(), Keys, Units.Results,
                 [&](TranslationUnitResult &R) { Units.Facts.add(R); });
  // --annotate marks only what clang checks: the units of the run.
  if (cli::Annotate == cli::AnnotateMode::Off) {
    OutsideUnits Outside =
        factsOutsideTheRun(*Run, Options, Argv0, Units.Cache.get());
    for (TranslationUnitFacts &Other : Outside.Facts)
      Units.Facts.addOutside(std::move(Other));
    Units.Facts.Unanswered = std::move(Outside.Unanswered);
  }
  Units.Files = std::move(Run->Files);
  Units.Database = std::move(Run->Database);
  return std::nullopt;
}

/// `noalloc link` takes no option that only a parse can honour.
static std::optional<int> rejectLinkOptions() {
  if (std::optional<int> Status = rejectAnalysisOnlyOptions())
    return Status;
  if (cli::Annotate == cli::AnnotateMode::Off)
    return std::nullopt;
  WithColor::error(errs(), "noalloc")
      << "link: '--annotate' parses the units again with their compile "
         "commands; run 'noalloc -p <build-dir> --annotate'\n";
  return 2;
}

/// --dump-config, --verify-config and --list-checks, which analyse nothing,
/// and a configuration that enables no noalloc check: the exit status.
static std::optional<int>
answerConfigurationQuestions(const RunOptions &Options) {
  std::string AnyFile = representativeFile();
  if (cli::DumpConfig)
    return dumpConfig(Options, AnyFile);
  if (cli::VerifyConfig)
    return verifyEveryConfig(Options, AnyFile);
  if (std::optional<int> Status = requireEnabledChecks(Options, AnyFile))
    return Status;
  if (cli::ListChecks)
    return listChecks(Options);
  return std::nullopt;
}

int main(int argc, const char **argv) {
  InitLLVM X(argc, argv);
  // The command line as given, which the report cache's key holds.
  std::vector<std::string> Arguments(argv + 1, argv + argc);
  // A file size limit (ulimit -f) makes a write fail with EFBIG, reported
  // with its path, instead of killing the process.
  ::signal(SIGXFSZ, SIG_IGN);
  // As clang-tidy: a compiler named 'arm-none-eabi-gcc' gives its target
  // to the parse only if the targets are registered
  // (tooling::inferTargetAndDriverMode).
  llvm::InitializeAllTargetInfos();
  // A compiler command goes to the compiler untouched: no option parsing,
  // no @file expansion.
  if (argc >= 3 && StringRef(argv[1]) == "launch" &&
      !StringRef(argv[2]).starts_with("-"))
    return launchMain(ArrayRef<const char *>(argv + 2, argv + argc));
  cl::SetVersionPrinter(printVersion);
  takeCompilerArguments(argc, argv);
  if (!cli::parseCommandLine(argc, argv))
    return 2;
  shareMemoryWithTheLink(
      hardware_concurrency(cli::Jobs).compute_thread_count());
  if (cli::LaunchCommand) {
    std::vector<const char *> Command = {cli::LaunchCompiler.c_str()};
    for (const std::string &Arg : cli::LaunchArguments)
      Command.push_back(Arg.c_str());
    return launchMain(Command);
  }
  if (cli::LinkCommand)
    if (std::optional<int> Status = rejectLinkOptions())
      return *Status;

  auto ParsedOptions = makeRunOptions();
  if (!ParsedOptions) {
    WithColor::error(errs(), "noalloc")
        << toString(ParsedOptions.takeError()) << "\n";
    return 2;
  }
  RunOptions Options = std::move(*ParsedOptions);
  if (std::optional<int> Status = answerConfigurationQuestions(Options))
    return *Status;

  RunUnits Units;
  std::optional<int> Status =
      cli::LinkCommand
          ? readLinkedUnits(Options, Units.Files, Units.Results, Units.Facts,
                            Units.Lock)
          : analyzeDatabaseUnits(Options, argv[0], Arguments, Units);
  if (Status)
    return *Status;
  // What the analysis prints is nothing in a run that can be kept (no
  // terminal, no --timing): the link and the report print it all.
  if (Units.Report && !Units.Report->capture())
    Units.Report.reset();
  // The text of each file's findings is kept beside the units' results.
  std::optional<RenderCache> Rendered;
  if (Units.Cache)
    Rendered.emplace(*Units.Cache, runFingerprint(argv[0]));
  int Exit = report(Units.Results, Units.Facts, Units.Files, Options,
                    Units.Database.get(), Rendered ? &*Rendered : nullptr);
  return Units.Report ? Units.Report->finish(Exit, Units.Results) : Exit;
}
