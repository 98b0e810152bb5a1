//===--- Launch.cpp - noalloc launch and noalloc link ---------------------===//

#include "Launch.h"
#include "ResultCache.h"
#include "RunConfiguration.h"
#include "ToolOptions.h"
#include "facts/Facts.h"
#include "utils/Paths.h"
#include "utils/UnitKnowledge.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/WithColor.h"
#include <memory>

using namespace clang;
using namespace llvm;

namespace noalloc {

std::optional<int> rejectAnalysisOnlyOptions() {
  // The launcher analysed each unit with the configuration files it found.
  // --knowledge is not among them: it names the knowledge the units were
  // analysed with, which their facts must match (readLaunchedResults).
  // (cl::list overloads '&'.)
  const cl::Option *AnalysisOnly[] = {&cli::BuildPath,
                                      std::addressof(cli::ExtraArgs),
                                      std::addressof(cli::ExtraArgsBefore),
                                      &cli::CacheDir,
                                      &cli::NoCache,
                                      &cli::Config,
                                      &cli::HeaderFilter};
  for (const cl::Option *O : AnalysisOnly)
    if (O->getNumOccurrences()) {
      WithColor::error(errs(), "noalloc")
          << "link: '-" << (O->ArgStr.size() > 1 ? "-" : "") << O->ArgStr
          << "' applies when translation units are analysed, which "
             "'noalloc launch' did; set it in .noalloc.yaml or .clang-tidy\n";
      return 2;
    }
  return std::nullopt;
}

/// Whether link reads \p Path: a launcher's result or a --results-dir one,
/// or a --facts-dir file.
static bool isLinkInput(StringRef Path) {
  return Path.ends_with(".noalloc") || Path.ends_with(".facts.json");
}

/// Facts name files relative to their project's root: where this link
/// runs, the checkout around the current directory, else the directory.
static std::string linkRoot() {
  SmallString<256> Here;
  (void)sys::fs::current_path(Here);
  SmallString<256> Probe(Here);
  sys::path::append(Probe, "-");
  return projectRoot(Probe, Here);
}

/// A unit known by its facts only (--facts-dir): the link's input, without
/// the direct checks' findings.
static Expected<TranslationUnitResult> readFactsFile(StringRef Path,
                                                     StringRef Root) {
  auto Buffer = MemoryBuffer::getFile(Path);
  if (!Buffer)
    return createStringError(Buffer.getError(), "cannot read '%s': %s",
                             Path.str().c_str(),
                             Buffer.getError().message().c_str());
  auto Facts = factsFromJSON((*Buffer)->getBuffer(), Root);
  if (!Facts)
    return createStringError(inconvertibleErrorCode(),
                             "cannot use facts '%s': %s", Path.str().c_str(),
                             toString(Facts.takeError()).c_str());
  TranslationUnitResult Result;
  Result.MainFile = Facts->MainFile;
  Result.Facts.Facts = std::move(*Facts);
  return Result;
}

/// The inputs named by \p Inputs: files as they are, directories by every
/// input below them.
static std::optional<int> collectLinkInputs(ArrayRef<std::string> Inputs,
                                            std::vector<std::string> &Paths) {
  for (const std::string &Input : Inputs) {
    std::error_code EC;
    if (!sys::fs::is_directory(Input) && sys::fs::exists(Input)) {
      if (!isLinkInput(Input)) {
        WithColor::error(errs(), "noalloc")
            << "link: '" << Input
            << "' is neither a directory nor a .noalloc or .facts.json file\n";
        return 2;
      }
      Paths.push_back(Input);
      continue;
    }
    for (sys::fs::recursive_directory_iterator It(Input, EC), End;
         It != End && !EC; It.increment(EC))
      if (isLinkInput(It->path()))
        Paths.push_back(It->path());
    if (EC) {
      WithColor::error(errs(), "noalloc")
          << "cannot read '" << Input << "': " << EC.message() << "\n";
      return 2;
    }
  }
  return std::nullopt;
}

namespace {
/// The knowledge of each unit's configuration where the link runs, read
/// once per directory (configuration files apply to a directory).
class LinkKnowledge {
public:
  explicit LinkKnowledge(const RunOptions &Options)
      : Provider(makeOptionsProvider(Options)) {}

  /// Whether \p R's facts were made with the knowledge its unit has here.
  bool current(const TranslationUnitResult &R) {
    if (!R.Facts.Facts)
      return true;
    SmallString<256> File(R.MainFile);
    sys::fs::make_absolute(File);
    auto [It, New] = ByDirectory.try_emplace(sys::path::parent_path(File), "");
    if (New)
      It->second = unitKnowledge(Provider->getOptions(File));
    return It->second == R.Facts.Facts->Knowledge;
  }

private:
  std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> Provider;
  StringMap<std::string> ByDirectory;
};
} // namespace

/// What a link input holds, by its name (collectLinkInputs takes
/// only these two kinds).
static StoredAnalysis storedAnalysis(StringRef Path) {
  return Path.ends_with(".noalloc") ? StoredAnalysis::Result
                                    : StoredAnalysis::Facts;
}

/// The errors for the link inputs (path, unit) analysed with other
/// knowledge; a knowledge file that cannot be read here is the one error
/// instead (the units' knowledge here is then not known).
static int
reportStaleKnowledge(const RunOptions &Options,
                     ArrayRef<std::pair<std::string, std::string>> Stale) {
  std::vector<std::string> MainFiles;
  for (const auto &Unit : Stale)
    MainFiles.push_back(Unit.second);
  if (Error E = checkConfiguration(MainFiles, Options)) {
    WithColor::error(errs(), "noalloc") << toString(std::move(E)) << "\n";
    return 2;
  }
  for (const auto &[Path, MainFile] : Stale)
    WithColor::error(errs(), "noalloc")
        << otherKnowledgeMessage(Path, MainFile, storedAnalysis(Path)) << "\n";
  return 2;
}

std::optional<int>
readLaunchedResults(const RunOptions &Options, ArrayRef<std::string> Inputs,
                    std::vector<std::string> &Files,
                    std::vector<TranslationUnitResult> &Results,
                    function_ref<void(TranslationUnitResult &)> Done) {
  if (Inputs.empty()) {
    WithColor::error(errs(), "noalloc")
        << "link: name the build directories to collect\n";
    return 2;
  }
  std::vector<std::string> Paths;
  if (std::optional<int> Status = collectLinkInputs(Inputs, Paths))
    return Status;
  if (Paths.empty()) {
    WithColor::error(errs(), "noalloc")
        << "link: no .noalloc results or .facts.json files found; build "
           "with CMAKE_CXX_COMPILER_LAUNCHER=\"noalloc;launch\"\n";
    return 2;
  }
  llvm::sort(Paths);
  std::string Root = linkRoot();
  auto Read = [&](const std::string &Path) {
    return storedAnalysis(Path) == StoredAnalysis::Result
               ? readResult(Path, Root)
               : readFactsFile(Path, Root);
  };
  // Parsing the files is most of a link: in parallel, a window at a time so
  // that only a few units' facts wait to be merged, kept in the paths' order.
  ThreadPoolStrategy Strategy = hardware_concurrency(cli::Jobs);
  DefaultThreadPool Pool(Strategy);
  LinkKnowledge Knowledge(Options);
  std::vector<std::pair<std::string, std::string>> Stale;
  size_t BatchSize = 4 * size_t(Strategy.compute_thread_count());
  for (size_t First = 0; First < Paths.size(); First += BatchSize) {
    size_t Count = std::min(BatchSize, Paths.size() - First);
    std::vector<std::optional<Expected<TranslationUnitResult>>> Batch(Count);
    for (size_t I = 0; I < Count; ++I)
      Pool.async([&, I] { Batch[I].emplace(Read(Paths[First + I])); });
    Pool.wait();
    for (size_t I = 0; I < Count; ++I) {
      std::optional<Expected<TranslationUnitResult>> &Result = Batch[I];
      if (!*Result) {
        WithColor::error(errs(), "noalloc")
            << toString(Result->takeError()) << "\n";
        // Consume the rest of the window's errors before returning.
        for (auto &Other : Batch)
          if (&Other != &Result && !*Other)
            consumeError(Other->takeError());
        return 2;
      }
      if (!Knowledge.current(**Result)) {
        Stale.emplace_back(Paths[First + I], (*Result)->MainFile);
        continue;
      }
      Files.push_back((*Result)->MainFile);
      Results.push_back(std::move(**Result));
      Done(Results.back());
    }
  }
  if (!Stale.empty())
    return reportStaleKnowledge(Options, Stale);
  return std::nullopt;
}

/// The source and object of a compile command that compiles one C or C++
/// source into an object (-c), in every spelling of -o; else nothing.
static std::optional<std::pair<std::string, std::string>>
sourceAndObject(ArrayRef<const char *> Args) {
  std::string Source, Object;
  bool CompileOnly = false;
  for (size_t I = 1; I < Args.size(); ++I) {
    StringRef Arg = Args[I];
    if (Arg == "-c")
      CompileOnly = true;
    else if ((Arg == "-o" || Arg == "--output") && I + 1 < Args.size())
      Object = Args[++I];
    else if (Arg.consume_front("--output=") ||
             (Arg.starts_with("-o") && Arg.consume_front("-o")))
      Object = Arg.str();
    else if (!Arg.starts_with("-") && isCFamilySource(Arg))
      Source = Arg.str();
  }
  if (!CompileOnly || Source.empty() || Object.empty())
    return std::nullopt;
  return std::make_pair(Source, Object);
}

/// Runs the compiler as the build asked; its exit status, or 2 when it
/// cannot be found.
static int runCompiler(ArrayRef<const char *> Command) {
  auto Compiler = sys::findProgramByName(Command[0]);
  if (!Compiler) {
    WithColor::error(errs(), "noalloc")
        << "launch: cannot find '" << Command[0] << "'\n";
    return 2;
  }
  std::vector<StringRef> Args(Command.begin(), Command.end());
  return sys::ExecuteAndWait(*Compiler, Args);
}

/// A compilation database of the one command, run in the current
/// directory.
static Expected<std::unique_ptr<tooling::CompilationDatabase>>
databaseOfCommand(StringRef Source, ArrayRef<const char *> Arguments) {
  SmallString<256> Directory;
  sys::fs::current_path(Directory);
  json::Array Args;
  for (StringRef A : Arguments)
    Args.push_back(A);
  std::string Json;
  raw_string_ostream(Json) << json::Value(
      json::Array{json::Object{{"directory", Directory},
                               {"file", Source},
                               {"arguments", std::move(Args)}}});
  std::string Error;
  // The target a compiler's name gives ('arm-none-eabi-gcc'), as in a
  // compile_commands.json that clang tooling reads.
  std::unique_ptr<tooling::CompilationDatabase> Database =
      tooling::JSONCompilationDatabase::loadFromBuffer(
          Json, Error, tooling::JSONCommandLineSyntax::AutoDetect);
  if (!Database)
    return createStringError(inconvertibleErrorCode(), Error);
  return tooling::inferTargetAndDriverMode(std::move(Database));
}

int launchMain(ArrayRef<const char *> Command) {
  if (Command.empty()) {
    WithColor::error(errs(), "noalloc") << "launch: no compiler given\n";
    return 2;
  }
  if (int Status = runCompiler(Command))
    return Status;

  // The flags as the compiler saw them: @response-files expanded.
  BumpPtrAllocator Allocator;
  SmallVector<const char *, 64> Expanded(Command.begin(), Command.end());
  cl::ExpansionContext Expansion(Allocator, cl::TokenizeGNUCommandLine);
  if (llvm::Error E = Expansion.expandResponseFiles(Expanded)) {
    WithColor::error(errs(), "noalloc")
        << "launch: " << toString(std::move(E)) << "\n";
    return 2;
  }
  // Only compilations of one C or C++ source into an object are analysed.
  auto Compilation = sourceAndObject(Expanded);
  if (!Compilation)
    return 0;
  auto &[Source, Object] = *Compilation;
  // A broken configuration fails the compile command: the build stops
  // with the error, instead of linking results of the defaults.
  RunOptions Options = defaultRunOptions();
  if (llvm::Error E = checkConfiguration({Source}, Options)) {
    WithColor::error(errs(), "noalloc") << toString(std::move(E)) << "\n";
    return 2;
  }
  auto Database = databaseOfCommand(Source, Expanded);
  if (!Database) {
    WithColor::error(errs(), "noalloc")
        << "launch: " << toString(Database.takeError()) << "\n";
    return 2;
  }
  TranslationUnitResult Result =
      analyzeTranslationUnit(**Database, Source, Options);
  if (!Result.Compiled)
    WithColor::warning(errs(), "noalloc")
        << "'" << Source << "' compiles, but not for the analysis; "
        << "'noalloc link' will report it\n";
  if (llvm::Error E = writeResult(Object + ".noalloc", Result)) {
    WithColor::error(errs(), "noalloc")
        << "launch: " << toString(std::move(E)) << "\n";
    return 2;
  }
  return 0;
}

} // namespace noalloc
