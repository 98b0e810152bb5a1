//===--- RunConfiguration.cpp - What one run analyses, and how ------------===//

#include "RunConfiguration.h"
#include "CheckRegistry.h"
#include "DatabaseCheck.h"
#include "ToolOptions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;
using namespace clang::tidy;
using namespace llvm;

namespace noalloc {

RunOptions defaultRunOptions() {
  RunOptions Options;
  Options.Defaults = ClangTidyOptions::getDefaults();
  Options.Defaults.Checks = defaultCheckGlob();
  Options.Defaults.HeaderFilterRegex = ".*";
  Options.Defaults.SystemHeaders = false;
  return Options;
}

Expected<RunOptions> makeRunOptions() {
  RunOptions Options = defaultRunOptions();
  if (!cli::Config.empty()) {
    auto Parsed = parseConfiguration(MemoryBufferRef(cli::Config, "--config"));
    if (!Parsed)
      return createStringError(Parsed.getError(), "invalid --config: %s",
                               Parsed.getError().message().c_str());
    Options.Overrides = std::move(*Parsed);
  }
  if (!cli::Checks.empty())
    Options.Overrides.Checks = cli::Checks;
  if (!cli::HeaderFilter.empty())
    Options.Overrides.HeaderFilterRegex = cli::HeaderFilter;
  if (cl::boolOrDefault Color = cli::colorOption(); Color != cl::BOU_UNSET)
    Options.Overrides.UseColor = Color == cl::BOU_TRUE;
  if (!cli::KnowledgeFiles.empty())
    Options.Overrides.CheckOptions["KnowledgeFiles"] = {
        join(cli::KnowledgeFiles, ";"), 0};
  return Options;
}

static std::unique_ptr<tooling::CompilationDatabase> CompilerArguments;

void takeCompilerArguments(int &Argc, const char **Argv) {
  std::string Message;
  CompilerArguments = tooling::FixedCompilationDatabase::loadFromCommandLine(
      Argc, Argv, Message);
}

/// A -p that names no database is an error, not a run without flags.
static Expected<std::unique_ptr<tooling::CompilationDatabase>>
databaseInBuildPath() {
  if (Error E = checkCompilationDatabase(cli::BuildPath))
    return std::move(E);
  std::string Message;
  auto Database = tooling::CompilationDatabase::autoDetectFromDirectory(
      cli::BuildPath, Message);
  if (!Database)
    return createStringError(inconvertibleErrorCode(), Message);
  return std::move(Database);
}

/// clang's tooling: the database above the first source, else no flags.
static std::unique_ptr<tooling::CompilationDatabase>
databaseAboveSource(StringRef Source) {
  std::string Message;
  auto Database =
      tooling::CompilationDatabase::autoDetectFromSource(Source, Message);
  if (Database)
    return Database;
  errs() << "Error while trying to load a compilation database:\n"
         << Message << "Running without flags.\n";
  return std::make_unique<tooling::FixedCompilationDatabase>(
      ".", std::vector<std::string>());
}

Expected<Compilations> loadCompilations() {
  Compilations Run;
  Run.Files.assign(cli::Sources.begin(), cli::Sources.end());
  if (!cli::BuildPath.empty()) {
    auto Database = databaseInBuildPath();
    if (!Database)
      return Database.takeError();
    if (Run.Files.empty())
      Run.Files = (*Database)->getAllFiles();
    Run.Database = CompilerArguments && !cli::Sources.empty()
                       ? std::move(CompilerArguments)
                       : std::move(*Database);
  } else if (!Run.Files.empty()) {
    Run.Database = CompilerArguments ? std::move(CompilerArguments)
                                     : databaseAboveSource(Run.Files.front());
  } else {
    return createStringError(
        inconvertibleErrorCode(),
        "no source files: name them, or give -p <build-dir>");
  }
  auto Adjusted = std::make_unique<tooling::ArgumentsAdjustingCompilations>(
      std::move(Run.Database));
  Adjusted->appendArgumentsAdjuster(tooling::combineAdjusters(
      tooling::getInsertArgumentAdjuster(
          cli::ExtraArgsBefore, tooling::ArgumentInsertPosition::BEGIN),
      tooling::getInsertArgumentAdjuster(
          cli::ExtraArgs, tooling::ArgumentInsertPosition::END)));
  Run.Database = std::move(Adjusted);
  return std::move(Run);
}

} // namespace noalloc
