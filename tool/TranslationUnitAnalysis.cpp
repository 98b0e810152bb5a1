//===--- TranslationUnitAnalysis.cpp - One parse of one source file -------===//

#include "TranslationUnitAnalysis.h"
#include "CheckRegistry.h"
#include "NoallocConfig.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/GlobList.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/Path.h"

using namespace clang;
using namespace clang::tidy;

namespace noalloc {

namespace {
/// Each glob of \p Globs replaced by the noalloc checks it matches, with
/// its sign: '-*,clang-analyzer-*,noalloc-call' keeps its meaning for
/// noalloc's checks and names no other.
std::optional<std::string>
restrictToNoalloc(const std::optional<std::string> &Globs) {
  if (!Globs)
    return std::nullopt;
  std::string Result;
  GlobList List(*Globs);
  for (const auto &Item : List.getItems())
    for (const CheckInfo &Check : allChecks())
      if (Item.Regex.match(Check.Name))
        Result += (Result.empty() ? "" : ",") +
                  std::string(Item.IsPositive ? "" : "-") + Check.Name.str();
  if (Result.empty())
    return std::nullopt;
  return Result;
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
  ConfigFilesProvider(Args &&...A)
      : FileOptionsProvider(std::forward<Args>(A)...) {
    FS = llvm::vfs::getRealFileSystem();
  }

  std::vector<OptionsSource> getRawOptions(StringRef FileName) override {
    std::vector<OptionsSource> Sources =
        FileOptionsProvider::getRawOptions(FileName);
    for (OptionsSource &Source : Sources) {
      Source.first.Checks = restrictToNoalloc(Source.first.Checks);
      Source.first.WarningsAsErrors =
          restrictToNoalloc(Source.first.WarningsAsErrors);
    }
    return Sources;
  }
};
} // namespace

std::unique_ptr<ClangTidyOptionsProvider>
makeOptionsProvider(const RunOptions &Options) {
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
      Options.Global, Options.Defaults, Options.Overrides, std::move(Handlers));
}

namespace {

/// Runs clang-tidy's AST consumer, the same one clang-tidy itself builds,
/// so checks behave identically in the tool and in the plugin.
class TidyActionFactory : public tooling::FrontendActionFactory {
public:
  explicit TidyActionFactory(ClangTidyContext &Context)
      : ConsumerFactory(Context) {}

  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<Action>(ConsumerFactory, Dependencies);
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
        // Not "..": include paths go through symbolic links.
        llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/false);
        Files.push_back(std::string(Path));
      }
      llvm::sort(Files);
      Files.erase(std::unique(Files.begin(), Files.end()), Files.end());
    }

  private:
    std::vector<std::string> &Files;
  };

  class Action : public ASTFrontendAction {
  public:
    Action(ClangTidyASTConsumerFactory &Factory,
           std::vector<std::string> &Dependencies)
        : Factory(Factory), Dependencies(Dependencies) {}
    std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                   StringRef File) override {
      std::vector<std::unique_ptr<ASTConsumer>> Consumers;
      Consumers.push_back(std::make_unique<UserCodeScope>());
      Consumers.push_back(Factory.createASTConsumer(CI, File));
      Consumers.push_back(std::make_unique<DependencyRecorder>(Dependencies));
      return std::make_unique<MultiplexConsumer>(std::move(Consumers));
    }

  private:
    ClangTidyASTConsumerFactory &Factory;
    std::vector<std::string> &Dependencies;
  };

  ClangTidyASTConsumerFactory ConsumerFactory;

public:
  std::vector<std::string> Dependencies;
};

} // namespace

TranslationUnitResult
analyzeTranslationUnit(const tooling::CompilationDatabase &Database,
                       StringRef File, const RunOptions &Options) {
  ClangTidyContext Context(makeOptionsProvider(Options),
                           /*AllowEnablingAnalyzerAlphaCheckers=*/false,
                           /*EnableModuleHeadersParsing=*/false,
                           /*ExperimentalCustomChecks=*/false);
  ClangTidyDiagnosticConsumer Consumer(Context);
  auto DiagOpts = std::make_unique<DiagnosticOptions>();
  DiagnosticsEngine Engine(DiagnosticIDs::create(), *DiagOpts, &Consumer,
                           /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(std::move(DiagOpts), &Engine);

  // A file system of its own: each compile command sets its working
  // directory, and translation units are analysed on several threads.
  tooling::ClangTool Tool(Database, {File.str()},
                          std::make_shared<PCHContainerOperations>(),
                          llvm::vfs::createPhysicalFileSystem());
  Tool.appendArgumentsAdjuster(tooling::getStripPluginsAdjuster());
  Tool.setDiagnosticConsumer(&Consumer);
  TidyActionFactory Factory(Context);

  TranslationUnitResult Result;
  Result.MainFile = File.str();
  ScopedFactSink Sink(Result.Facts);
  bool Succeeded = Tool.run(&Factory) == 0;
  Result.Diagnostics = Consumer.take();
  // A check's configuration error also fails the run; only the compiler's
  // errors (or none at all: a file that could not be read) mean the file
  // did not compile.
  bool CompilerError = false, ConfigurationError = false;
  for (const ClangTidyError &E : Result.Diagnostics) {
    CompilerError |= E.DiagnosticName == "clang-diagnostic-error";
    ConfigurationError |= E.DiagnosticName == "clang-tidy-config";
  }
  Result.Compiled = Succeeded || (ConfigurationError && !CompilerError);
  Result.Dependencies = std::move(Factory.Dependencies);
  return Result;
}

} // namespace noalloc
