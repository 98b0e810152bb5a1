//===--- TranslationUnitAnalysis.cpp - One parse of one source file -------===//

#include "TranslationUnitAnalysis.h"
#include "CheckRegistry.h"
#include "NoallocConfig.h"
#include "VerifyConfig.h"
#include "WholeProgram.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/GlobList.h"
#include "extract/FactExtractor.h"
#include "extract/StoreWalk.h"
#include "knowledge/KnowledgeBase.h"
#include "utils/LLVMCompat.h"
#include "utils/NoallocCheck.h"
#include "utils/Paths.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Basic/Version.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <mutex>

using namespace clang;
using namespace clang::tidy;

namespace noalloc {

namespace {
/// Each glob of \p Globs replaced by the noalloc checks it matches, with
/// its sign: '-*,clang-analyzer-*,noalloc-call' keeps its meaning for
/// noalloc's checks and names no other.
std::optional<std::string> restrictToNoallocUncached(StringRef Globs) {
  std::string Result;
  GlobList List(Globs);
  for (const auto &Item : List.getItems())
    for (const CheckInfo &Check : allChecks())
      if (Item.Regex.match(Check.Name))
        Result += (Result.empty() ? "" : ",") +
                  std::string(Item.IsPositive ? "" : "-") + Check.Name.str();
  if (Result.empty())
    return std::nullopt;
  return Result;
}

/// Remembered per list of globs: every options lookup of a run asks again
/// for the same few, and each answer compiles and runs regular expressions
/// (7% of a warm run over four small units).
std::optional<std::string>
restrictToNoalloc(const std::optional<std::string> &Globs) {
  if (!Globs)
    return std::nullopt;
  static std::mutex Mutex;
  static llvm::StringMap<std::optional<std::string>> Known;
  std::lock_guard<std::mutex> Lock(Mutex);
  auto [It, New] = Known.try_emplace(*Globs);
  if (New)
    It->second = restrictToNoallocUncached(*Globs);
  return It->second;
}

/// True if \p Globs names a noalloc check in so many letters. A project's
/// .clang-tidy that does not ('-*,bugprone-*') configures other checks.
bool namesNoalloc(const std::optional<std::string> &Globs) {
  return Globs && StringRef(*Globs).contains("noalloc");
}

/// A .clang-tidy as the command-line tool reads it: noalloc's options and
/// settings, no other check, and no colour (that follows the terminal).
llvm::ErrorOr<ClangTidyOptions>
parseClangTidyFile(llvm::MemoryBufferRef Config) {
  auto Parsed = parseConfiguration(Config);
  if (!Parsed)
    return Parsed;
  if (!namesNoalloc(Parsed->Checks))
    Parsed->Checks.reset();
  if (!namesNoalloc(Parsed->WarningsAsErrors))
    Parsed->WarningsAsErrors.reset();
  Parsed->UseColor.reset();
  return Parsed;
}

/// clang-tidy's provider with noalloc's configuration files, enabling
/// noalloc's checks only: clang-tidy would also run the static analyzer
/// and turn compiler warnings into findings. Its constructor that takes
/// handlers leaves the file system unset.
class ConfigFilesProvider : public FileOptionsProvider {
public:
  template <typename... Args>
  ConfigFilesProvider(bool Restrict,
                      llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Files,
                      Args &&...A)
      : FileOptionsProvider(std::forward<Args>(A)...), Restrict(Restrict) {
    FS = Files ? std::move(Files) : llvm::vfs::getRealFileSystem();
  }

  std::vector<OptionsSource> getRawOptions(StringRef FileName) override {
    std::vector<OptionsSource> Sources =
        FileOptionsProvider::getRawOptions(FileName);
    if (Restrict)
      for (OptionsSource &Source : Sources) {
        Source.first.Checks = restrictToNoalloc(Source.first.Checks);
        Source.first.WarningsAsErrors =
            restrictToNoalloc(Source.first.WarningsAsErrors);
      }
    if (MatchingSystemHeaders) {
      ClangTidyOptions Matching;
      Matching.SystemHeaders = true;
      Sources.emplace_back(std::move(Matching), "noalloc's AST matching");
    }
    return Sources;
  }

  /// While on, every file's options say 'SystemHeaders: true'
  /// (ChecksConsumerFactory).
  void matchSystemHeaders(bool On) { MatchingSystemHeaders = On; }

private:
  bool Restrict;
  bool MatchingSystemHeaders = false;
};

std::unique_ptr<ConfigFilesProvider>
makeConfigFilesProvider(const RunOptions &Options, bool RestrictToNoalloc,
                        llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS) {
  // .noalloc.yaml first: in a directory with both, it is noalloc's.
  std::vector<std::pair<
      std::string,
      std::function<llvm::ErrorOr<ClangTidyOptions>(llvm::MemoryBufferRef)>>>
      Handlers;
  Handlers.emplace_back(
      ConfigFileName.str(),
      [](llvm::MemoryBufferRef Config) -> llvm::ErrorOr<ClangTidyOptions> {
        auto Parsed = parseNoallocConfig(Config);
        if (!Parsed)
          return llvm::errorToErrorCode(Parsed.takeError());
        return std::move(*Parsed);
      });
  Handlers.emplace_back(".clang-tidy", parseClangTidyFile);
  return std::make_unique<ConfigFilesProvider>(
      RestrictToNoalloc, std::move(FS), Options.Global, Options.Defaults,
      Options.Overrides, std::move(Handlers));
}
} // namespace

std::unique_ptr<ClangTidyOptionsProvider>
makeOptionsProvider(const RunOptions &Options, bool RestrictToNoalloc,
                    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS) {
  return makeConfigFilesProvider(Options, RestrictToNoalloc, std::move(FS));
}

llvm::Error checkRegex(const llvm::Twine &What, StringRef Pattern) {
  std::string Problem;
  if (llvm::Regex(Pattern).isValid(Problem))
    return llvm::Error::success();
  return llvm::createStringError(
      llvm::inconvertibleErrorCode(),
      ("invalid " + What + " '" + Pattern + "': " + Problem).str());
}

llvm::Error checkHeaderFilters(const ClangTidyOptions &Options) {
  // An empty filter is none.
  for (auto [Name, Pattern] :
       {std::pair{"HeaderFilterRegex", &Options.HeaderFilterRegex},
        std::pair{"ExcludeHeaderFilterRegex",
                  &Options.ExcludeHeaderFilterRegex}})
    if (Pattern->has_value() && !(*Pattern)->empty())
      if (llvm::Error E = checkRegex(Name, **Pattern))
        return E;
  return llvm::Error::success();
}

/// A header filter's error, naming the configuration file that set the
/// filter (a project's .clang-tidy written for other tools): the last raw
/// source with a bad one, which the effective options took. The command
/// line (clang-tidy names it as one source) needs no naming.
static llvm::Error headerFilterError(llvm::Error E,
                                     ClangTidyOptionsProvider &Provider,
                                     StringRef File) {
  std::string Message = llvm::toString(std::move(E));
  auto Raw = Provider.getRawOptions(File);
  for (const auto &[Options, Where] : llvm::reverse(Raw))
    if (llvm::Error Bad = checkHeaderFilters(Options)) {
      llvm::consumeError(std::move(Bad));
      if (!StringRef(Where).starts_with("command-line option"))
        Message += " (set by '" + Where + "')";
      break;
    }
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

llvm::Error checkConfiguration(ArrayRef<std::string> Sources,
                               const RunOptions &Options) {
  if (llvm::Error E = validateNoallocConfigs(Sources))
    return E;
  // Every knowledge file the sources' configurations name, read once now:
  // a broken one is one error before the analysis, not one per unit.
  auto Provider = makeOptionsProvider(Options);
  llvm::StringSet<> Directories, Lists;
  for (const std::string &Source : Sources) {
    SmallString<256> Absolute(Source);
    llvm::sys::fs::make_absolute(Absolute);
    if (!Directories.insert(llvm::sys::path::parent_path(Absolute)).second)
      continue;
    ClangTidyOptions Effective = Provider->getOptions(Absolute);
    if (llvm::Error E = checkHeaderFilters(Effective))
      return headerFilterError(std::move(E), *Provider, Absolute);
    if (llvm::Error E =
            rejectUnknownCheckOptions(Provider->getRawOptions(Absolute)))
      return E;
    for (const auto &[Key, List] : knowledgeLists(Effective))
      Lists.insert(List);
  }
  for (const auto &List : Lists)
    if (auto KB = KnowledgeBase::get(optionList(List.getKey())); !KB)
      return KB.takeError();
  return llvm::Error::success();
}

namespace {

/// CPU seconds of the calling thread: a unit runs on one worker, and on a
/// busy machine wall time would count the other processes too.
double threadSeconds() {
  timespec T;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &T);
  return double(T.tv_sec) + double(T.tv_nsec) / 1e9;
}

/// When the AST was complete, the checks done and the facts extracted.
struct PhaseMarks {
  double ParseEnd = 0, ChecksEnd = 0, FactsEnd = 0;
};

/// Notes the time when a phase ends.
class PhaseMark : public ASTConsumer {
public:
  explicit PhaseMark(double &At) : At(At) {}
  void HandleTranslationUnit(ASTContext &) override { At = threadSeconds(); }

private:
  double &At;
};

/// The file system of a parse, noting every path it was asked about that
/// does not exist: an include path's directories before the one that held
/// a header, a '__has_include' that was false. Nothing the parse read
/// changes when one appears, yet it may change what the parse reads; the
/// cache keeps them (TranslationUnitResult::AbsentFiles).
class AbsenceRecorder : public llvm::vfs::ProxyFileSystem {
public:
  using ProxyFileSystem::ProxyFileSystem;

  llvm::ErrorOr<llvm::vfs::Status> status(const Twine &Path) override {
    llvm::ErrorOr<llvm::vfs::Status> Found = ProxyFileSystem::status(Path);
    if (!Found)
      noteMissing(Path, Found.getError());
    return Found;
  }
  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>>
  openFileForRead(const Twine &Path) override {
    auto Opened = ProxyFileSystem::openFileForRead(Path);
    if (!Opened)
      noteMissing(Path, Opened.getError());
    return Opened;
  }
  bool exists(const Twine &Path) override {
    bool Found = ProxyFileSystem::exists(Path);
    if (!Found)
      noteMissing(Path,
                  std::make_error_code(std::errc::no_such_file_or_directory));
    return Found;
  }

  /// The absolute paths noted, sorted.
  std::vector<std::string> absentPaths() const {
    std::vector<std::string> Paths;
    for (const auto &Path : Missing)
      Paths.push_back(Path.getKey().str());
    llvm::sort(Paths);
    return Paths;
  }

private:
  /// Only a path that is not there: one that cannot be read for another
  /// reason (permissions) changes nothing by appearing.
  void noteMissing(const Twine &Path, std::error_code Error) {
    if (Error != std::errc::no_such_file_or_directory &&
        Error != std::errc::not_a_directory)
      return;
    SmallString<256> Absolute;
    Path.toVector(Absolute);
    (void)makeAbsolute(Absolute);
    Missing.insert(normalizedPath(Absolute));
  }

  llvm::StringSet<> Missing;
};

/// Runs the checks through clang-tidy's AST consumer (ChecksConsumerFactory)
/// and, on the same AST, the fact extraction.
class TidyActionFactory : public tooling::FrontendActionFactory {
public:
  TidyActionFactory(ClangTidyContext &Context, ConfigFilesProvider &Provider,
                    std::vector<std::string> KnowledgeFiles, FactSink &Sink)
      : Checks{ClangTidyASTConsumerFactory(Context), Context, Provider},
        KnowledgeFiles(std::move(KnowledgeFiles)), Sink(Sink) {}

  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<Action>(Checks, Dependencies, MissingFile,
                                    KnowledgeFiles, Sink, Marks);
  }

  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHContainerOps,
                     DiagnosticConsumer *DiagConsumer) override {
    // As clang-tidy does: code may test for static analysis.
    Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true;
    // No "N warnings generated.": the tool reports joined findings itself.
    Invocation->getDiagnosticOpts().ShowCarets = false;
    return FrontendActionFactory::runInvocation(Invocation, Files,
                                                PCHContainerOps, DiagConsumer);
  }

private:
  /// Makes clang-tidy's consumer of the checks, the same one clang-tidy
  /// itself builds, so checks behave identically in the tool and in the
  /// plugin; but for one thing: its MatchFinder does not test each node
  /// it visits for a system header (MatchFinderOptions::IgnoreSystemHeaders,
  /// which clang-tidy sets unless 'SystemHeaders' is on). UserCodeScope
  /// already leaves the system headers' declarations out of the traversal,
  /// and every noalloc matcher tests isExpansionInSystemHeader itself; the
  /// test of every node cost 0.18 of the matchers' 0.47 billion
  /// instructions on rapidjson's documenttest.cpp. Only the MatchFinder
  /// sees 'SystemHeaders: true': the diagnostics are filtered with the
  /// file's options, which the context takes again after.
  struct ChecksConsumerFactory {
    ClangTidyASTConsumerFactory Tidy;
    ClangTidyContext &Context;
    ConfigFilesProvider &Provider;

    std::unique_ptr<ASTConsumer> create(CompilerInstance &CI, StringRef File) {
      Provider.matchSystemHeaders(true);
      std::unique_ptr<ASTConsumer> Consumer = Tidy.createASTConsumer(CI, File);
      Provider.matchSystemHeaders(false);
      Context.setCurrentFile(File);
      return Consumer;
    }
  };

  /// Confines AST matching to user code: the standard library's
  /// declarations are most of a translation unit, and no check reports in
  /// them. (The call-graph facts reach library code through calls.)
  class UserCodeScope : public ASTConsumer {
  public:
    void HandleTranslationUnit(ASTContext &Ctx) override {
      const SourceManager &SM = Ctx.getSourceManager();
      std::vector<Decl *> Scope;
      for (Decl *D : Ctx.getTranslationUnitDecl()->decls())
        if (D->getLocation().isInvalid() ||
            !SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
          Scope.push_back(D);
      Ctx.setTraversalScope(Scope);
    }
  };

  /// Builds the checks' parent index and the fact extractor's stores in
  /// one walk of the unit, before the checks ask the index (walkUnitOnce).
  class UnitWalk : public ASTConsumer {
  public:
    explicit UnitWalk(const std::vector<std::string> &KnowledgeFiles)
        : KnowledgeFiles(KnowledgeFiles) {}
    void HandleTranslationUnit(ASTContext &Ctx) override {
      // Without its knowledge the extractor makes no facts (FactsRecorder).
      auto KB = KnowledgeBase::get(KnowledgeFiles);
      if (!KB) {
        llvm::consumeError(KB.takeError());
        return;
      }
      walkUnitOnce(Ctx, CallableTypes(**KB));
    }

  private:
    const std::vector<std::string> &KnowledgeFiles;
  };

  /// Records the files the parse read, for the cache.
  class DependencyRecorder : public ASTConsumer {
  public:
    explicit DependencyRecorder(std::vector<std::string> &Files)
        : Files(Files) {}
    void HandleTranslationUnit(ASTContext &Ctx) override {
      const SourceManager &SM = Ctx.getSourceManager();
      auto &FS = SM.getFileManager().getVirtualFileSystem();
      for (auto It = SM.fileinfo_begin(), E = SM.fileinfo_end(); It != E;
           ++It) {
        SmallString<256> Path(It->first.getName());
        (void)FS.makeAbsolute(Path);
        Files.push_back(normalizedPath(Path));
      }
      llvm::sort(Files);
      Files.erase(std::unique(Files.begin(), Files.end()), Files.end());
    }

  private:
    std::vector<std::string> &Files;
  };

  /// Notes an #include or #embed whose file was not found: no dependency
  /// says when it appears (a generated header), so the cache keeps no
  /// result of such a parse.
  class MissingFileRecorder : public PPCallbacks {
  public:
    explicit MissingFileRecorder(bool &Missing) : Missing(Missing) {}
    bool FileNotFound(StringRef) override {
      Missing = true;
      return false;
    }
    bool EmbedFileNotFound(StringRef) override {
      Missing = true;
      return false;
    }

  private:
    bool &Missing;
  };

  /// Extracts the unit's facts, whatever checks run: the facts say what
  /// is there, and the link step decides what is reported.
  class FactsRecorder : public ASTConsumer {
  public:
    FactsRecorder(std::vector<std::string> KnowledgeFiles, FactSink &Sink,
                  const HeaderSearch &Search)
        : KnowledgeFiles(std::move(KnowledgeFiles)), Sink(Sink),
          Search(Search) {}
    void HandleTranslationUnit(ASTContext &Ctx) override {
      // A knowledge file that does not load is the checks' configuration
      // error, reported once by them.
      auto KB = KnowledgeBase::get(KnowledgeFiles);
      if (!KB) {
        llvm::consumeError(KB.takeError());
        return;
      }
      Sink.Facts = extractFacts(Ctx, **KB, KnownLibraries(Search));
    }

  private:
    std::vector<std::string> KnowledgeFiles;
    FactSink &Sink;
    const HeaderSearch &Search;
  };

  class Action : public ASTFrontendAction {
  public:
    Action(ChecksConsumerFactory &Factory,
           std::vector<std::string> &Dependencies, bool &MissingFile,
           const std::vector<std::string> &KnowledgeFiles, FactSink &Sink,
           PhaseMarks &Marks)
        : Factory(Factory), Dependencies(Dependencies),
          MissingFile(MissingFile), KnowledgeFiles(KnowledgeFiles), Sink(Sink),
          Marks(Marks) {}
    std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                   StringRef File) override {
      CI.getPreprocessor().addPPCallbacks(
          std::make_unique<MissingFileRecorder>(MissingFile));
      std::vector<std::unique_ptr<ASTConsumer>> Consumers;
      Consumers.push_back(std::make_unique<PhaseMark>(Marks.ParseEnd));
      Consumers.push_back(std::make_unique<UserCodeScope>());
      Consumers.push_back(std::make_unique<UnitWalk>(KnowledgeFiles));
      Consumers.push_back(Factory.create(CI, File));
      Consumers.push_back(std::make_unique<PhaseMark>(Marks.ChecksEnd));
      Consumers.push_back(std::make_unique<DependencyRecorder>(Dependencies));
      Consumers.push_back(std::make_unique<FactsRecorder>(
          KnowledgeFiles, Sink, CI.getPreprocessor().getHeaderSearchInfo()));
      Consumers.push_back(std::make_unique<PhaseMark>(Marks.FactsEnd));
      return std::make_unique<MultiplexConsumer>(std::move(Consumers));
    }

  private:
    ChecksConsumerFactory &Factory;
    std::vector<std::string> &Dependencies;
    bool &MissingFile;
    const std::vector<std::string> &KnowledgeFiles;
    FactSink &Sink;
    PhaseMarks &Marks;
  };

  ChecksConsumerFactory Checks;
  std::vector<std::string> KnowledgeFiles;
  FactSink &Sink;

public:
  std::vector<std::string> Dependencies;
  bool MissingFile = false;
  PhaseMarks Marks;
};

} // namespace

/// clang's builtin headers (<stddef.h>, <stdint.h>, <stdarg.h>) for the
/// parser's clang version. Tooling would look beside the noalloc binary,
/// where a build tree has none: bare-metal targets then fail to compile.
static const std::string &clangResourceDir() {
  static const std::string Dir = [] {
    auto HasBuiltinHeaders = [](StringRef Resources) {
      SmallString<256> Header(Resources);
      llvm::sys::path::append(Header, "include", "stddef.h");
      return llvm::sys::fs::exists(Header);
    };
    // An installation that bundles its own, as clang-tidy's does.
    std::string Own = compat::ownResourceDir(
        "noalloc", reinterpret_cast<void *>(&clangResourceDir));
    if (HasBuiltinHeaders(Own))
      return Own;
    // The clang noalloc was built against, then one on PATH.
    std::vector<std::string> Compilers = {NOALLOC_CLANG_BINARY};
    if (auto OnPath = llvm::sys::findProgramByName(
            "clang-" + std::to_string(CLANG_VERSION_MAJOR)))
      Compilers.push_back(*OnPath);
    for (const std::string &Compiler : Compilers) {
      SmallString<256> Real;
      if (llvm::sys::fs::real_path(Compiler, Real))
        continue;
      std::string Candidate = compat::resourceDirOf(Real);
      if (HasBuiltinHeaders(Candidate))
        return Candidate;
    }
    return Own;
  }();
  return Dir;
}

void adjustForParsing(tooling::ClangTool &Tool) {
  Tool.appendArgumentsAdjuster(tooling::getStripPluginsAdjuster());
  // Unless the command names its own; tooling then adds none.
  Tool.appendArgumentsAdjuster(
      [](const tooling::CommandLineArguments &Args, StringRef) {
        for (const std::string &Arg : Args)
          if (StringRef(Arg).starts_with("-resource-dir"))
            return Args;
        return tooling::getInsertArgumentAdjuster(
            ("-resource-dir=" + clangResourceDir()).c_str(),
            tooling::ArgumentInsertPosition::BEGIN)(Args, "");
      });
}

namespace {
/// A database of one compile command, whatever file it is asked about.
class OneCommandDatabase : public tooling::CompilationDatabase {
public:
  explicit OneCommandDatabase(tooling::CompileCommand Command)
      : Command(std::move(Command)) {}
  std::vector<tooling::CompileCommand>
  getCompileCommands(StringRef) const override {
    return {Command};
  }

private:
  tooling::CompileCommand Command;
};
} // namespace

bool forEachCommand(
    const tooling::CompilationDatabase &Database, StringRef File,
    llvm::function_ref<bool(const tooling::CompilationDatabase &)> Run) {
  SmallString<256> Absolute(File);
  llvm::sys::fs::make_absolute(Absolute);
  std::vector<tooling::CompileCommand> Commands =
      Database.getCompileCommands(Absolute);
  if (Commands.size() < 2)
    return Run(Database);
  for (tooling::CompileCommand &Command : Commands)
    if (!Run(OneCommandDatabase(std::move(Command))))
      return false;
  return true;
}

/// The result of a unit that could not be analysed, with the reason as a
/// compiler error: the run goes on and ends with exit status 2.
static TranslationUnitResult failedUnit(StringRef File, const Twine &Why) {
  TranslationUnitResult Result;
  Result.MainFile = File.str();
  Result.Compiled = false;
  ClangTidyError E("clang-diagnostic-error", ClangTidyError::Error, "",
                   /*IsWarningAsError=*/false);
  E.Message.Message = Why.str();
  Result.Diagnostics.push_back(std::move(E));
  return Result;
}

/// What would stop the parse before it starts, or abort the process in
/// tooling ("Cannot chdir into ..."): a source that is not there or not a
/// file (a FIFO would block), a compile command's directory that is gone.
static std::optional<TranslationUnitResult>
checkInputs(const tooling::CompilationDatabase &Database, StringRef File) {
  SmallString<256> Absolute(File);
  llvm::sys::fs::make_absolute(Absolute);
  llvm::sys::fs::file_status Status;
  if (std::error_code EC = llvm::sys::fs::status(Absolute, Status))
    return failedUnit(File, EC == std::errc::no_such_file_or_directory
                                ? "no such file or directory: '" + File + "'"
                                : "cannot read '" + File + "': " +
                                      EC.message());
  if (!llvm::sys::fs::is_regular_file(Status))
    return failedUnit(File, "'" + File + "' is not a regular file");
  for (const tooling::CompileCommand &C : Database.getCompileCommands(Absolute))
    if (!llvm::sys::fs::is_directory(C.Directory))
      return failedUnit(File, "the directory of the compile command of '" +
                                  File + "' does not exist: '" + C.Directory +
                                  "'");
  return std::nullopt;
}

TranslationUnitResult
analyzeTranslationUnit(const tooling::CompilationDatabase &Database,
                       StringRef File, const RunOptions &Options) {
  if (std::optional<TranslationUnitResult> Failed =
          checkInputs(Database, File))
    return std::move(*Failed);
  double Start = threadSeconds();
  // A file system of its own: each compile command sets its working
  // directory, and translation units are analysed on several threads.
  // The options are found through it: clang-tidy asks for those of the
  // main file as the command names it, relative to that directory.
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Shared(
      llvm::vfs::createPhysicalFileSystem().release());
  // No alpha analyzer checks, no module headers, no custom checks.
  std::unique_ptr<ConfigFilesProvider> Provider =
      makeConfigFilesProvider(Options, true, Shared);
  ConfigFilesProvider &Files = *Provider;
  ClangTidyContext Context(std::move(Provider));
  // The parse's lookups only: the configuration files searched for are
  // part of the cache's key.
  auto Lookups = llvm::makeIntrusiveRefCnt<AbsenceRecorder>(Shared);
  ClangTidyDiagnosticConsumer Consumer(Context);
  std::unique_ptr<DiagnosticsEngine> Engine =
      compat::connectDiagnostics(Context, Consumer);

  TranslationUnitResult Result;
  Result.MainFile = File.str();
  ScopedFactSink Sink(Result.Facts);
  TidyActionFactory Factory(Context, Files,
                            knowledgeFilesFor(Context.getOptionsForFile(File)),
                            Result.Facts);
  // A crash in clang (a bug of its own on odd input) fails this unit, not
  // the run: the other units are still analysed.
  static std::once_flag CrashRecovery;
  std::call_once(CrashRecovery, [] { llvm::CrashRecoveryContext::Enable(); });
  bool Succeeded = true;
  // One tool a command: the commands of a file listed more than once are
  // each analysed, with no progress line on stderr.
  bool Analysed = forEachCommand(
      Database, File, [&](const tooling::CompilationDatabase &Commands) {
        tooling::ClangTool Tool(Commands, {File.str()},
                                std::make_shared<PCHContainerOperations>(),
                                Lookups);
        adjustForParsing(Tool);
        Tool.setDiagnosticConsumer(&Consumer);
        // The summary names the files that do not compile, from the cache
        // too.
        Tool.setPrintErrorMessage(false);
        llvm::CrashRecoveryContext Recovery;
        return Recovery.RunSafely(
            [&] { Succeeded = Tool.run(&Factory) == 0 && Succeeded; });
      });
  if (!Analysed)
    return failedUnit(File, "clang crashed while analysing '" + File +
                                "'; it is not analysed");
  Result.Diagnostics = Consumer.take();
  // A check's configuration error and a malformed NOLINT (clang-tidy's
  // diagnostics, reported as such) also fail the tool; only the compiler's
  // errors (or none at all: a file that could not be read) mean the file
  // did not compile.
  bool CompilerError = false, TidyError = false;
  for (const ClangTidyError &E : Result.Diagnostics) {
    CompilerError |= E.DiagnosticName == "clang-diagnostic-error";
    TidyError |= E.DiagnosticName == "clang-tidy-config" ||
                 E.DiagnosticName == "clang-tidy-nolint";
  }
  Result.Compiled = Succeeded || (TidyError && !CompilerError);
  if (Result.Facts.Facts)
    Result.Facts.Facts->Knowledge =
        unitKnowledge(Context.getOptionsForFile(File));
  Result.Dependencies = std::move(Factory.Dependencies);
  Result.MissingFile = Factory.MissingFile;
  Result.AbsentFiles = Lookups->absentPaths();
  if (const PhaseMarks &M = Factory.Marks; M.FactsEnd > 0) {
    Result.Time.Parse = M.ParseEnd - Start;
    Result.Time.Checks = M.ChecksEnd - M.ParseEnd;
    Result.Time.Facts = M.FactsEnd - M.ChecksEnd;
  }
  Result.Time.Total = threadSeconds() - Start;
  return Result;
}

} // namespace noalloc
