//===--- TranslationUnitAnalysis.cpp - One parse of one source file -------===//

#include "TranslationUnitAnalysis.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"

using namespace clang;
using namespace clang::tidy;

namespace noalloc {

std::unique_ptr<ClangTidyOptionsProvider>
makeOptionsProvider(const RunOptions &Options) {
  return std::make_unique<FileOptionsProvider>(
      Options.Global, Options.Defaults, Options.Overrides,
      llvm::vfs::getRealFileSystem());
}

namespace {

/// Runs clang-tidy's AST consumer, the same one clang-tidy itself builds,
/// so checks behave identically in the tool and in the plugin.
class TidyActionFactory : public tooling::FrontendActionFactory {
public:
  explicit TidyActionFactory(ClangTidyContext &Context)
      : ConsumerFactory(Context) {}

  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<Action>(ConsumerFactory);
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
  class Action : public ASTFrontendAction {
  public:
    explicit Action(ClangTidyASTConsumerFactory &Factory) : Factory(Factory) {}
    std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                   StringRef File) override {
      return Factory.createASTConsumer(CI, File);
    }

  private:
    ClangTidyASTConsumerFactory &Factory;
  };

  ClangTidyASTConsumerFactory ConsumerFactory;
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
  return Result;
}

} // namespace noalloc
