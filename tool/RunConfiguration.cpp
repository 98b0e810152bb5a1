//===--- RunConfiguration.cpp - What one run analyses, and how ------------===//

#include "RunConfiguration.h"
#include "CheckRegistry.h"
#include "DatabaseCheck.h"
#include "ToolOptions.h"
#include "utils/Phrases.h"
#include "clang/Driver/Types.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/WithColor.h"
#include <set>

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

/// --config, or the contents of --config-file, as .clang-tidy YAML.
static Expected<ClangTidyOptions> commandLineConfiguration() {
  if (!cli::Config.empty() && !cli::ConfigFile.empty())
    return createStringError(inconvertibleErrorCode(),
                             "--config and --config-file are mutually "
                             "exclusive");
  std::string Text = cli::Config, Name = "--config";
  if (!cli::ConfigFile.empty()) {
    auto Buffer = MemoryBuffer::getFile(cli::ConfigFile);
    if (!Buffer)
      return createStringError(Buffer.getError(), "cannot read '%s': %s",
                               cli::ConfigFile.c_str(),
                               Buffer.getError().message().c_str());
    Text = (*Buffer)->getBuffer().str();
    Name = cli::ConfigFile;
  }
  if (Text.empty())
    return ClangTidyOptions();
  auto Parsed = parseConfiguration(MemoryBufferRef(Text, Name));
  if (!Parsed)
    return createStringError(Parsed.getError(), "invalid %s: %s",
                             Name.c_str(),
                             Parsed.getError().message().c_str());
  return std::move(*Parsed);
}

Expected<RunOptions> makeRunOptions() {
  RunOptions Options = defaultRunOptions();
  auto Configuration = commandLineConfiguration();
  if (!Configuration)
    return Configuration.takeError();
  Options.Overrides = std::move(*Configuration);
  ClangTidyOptions &Overrides = Options.Overrides;
  if (!cli::Checks.empty())
    Overrides.Checks = cli::Checks;
  if (!cli::WarningsAsErrors.empty())
    Overrides.WarningsAsErrors = cli::WarningsAsErrors;
  if (cli::Explain.getNumOccurrences() && cli::Explain.empty())
    return createStringError(inconvertibleErrorCode(),
                             "--explain needs a function's name or a glob "
                             "('--explain=Sampler::tick')");
  for (auto [Option, Value, Field] :
       {std::tuple{"--header-filter", &cli::HeaderFilter,
                   &Overrides.HeaderFilterRegex},
        std::tuple{"--exclude-header-filter", &cli::ExcludeHeaderFilter,
                   &Overrides.ExcludeHeaderFilterRegex}}) {
    if (Value->empty())
      continue;
    if (Error E = checkRegex(Twine(Option) + " regex", *Value))
      return std::move(E);
    *Field = Value->getValue();
  }
  if (cli::SystemHeaders) {
    Overrides.SystemHeaders = true;
    // The checks match user code only (the traversal skips the standard
    // library): say so rather than accept the option silently.
    WithColor::warning(errs(), "noalloc")
        << "--system-headers: findings inside system headers are not "
           "produced; calls from your code into them that reach the heap "
           "are (noalloc-call)\n";
  }
  if (cl::boolOrDefault Color = cli::colorOption(); Color != cl::BOU_UNSET)
    Overrides.UseColor = Color == cl::BOU_TRUE;
  if (!cli::KnowledgeFiles.empty())
    Overrides.CheckOptions["KnowledgeFiles"] = {join(cli::KnowledgeFiles, ";"),
                                                0};
  if (!cli::LineFilter.empty())
    if (std::error_code EC = parseLineFilter(cli::LineFilter, Options.Global))
      return createStringError(EC, "invalid --line-filter: %s",
                               EC.message().c_str());
  return Options;
}

static std::unique_ptr<tooling::CompilationDatabase> CompilerArguments;

void takeCompilerArguments(int &Argc, const char **Argv) {
  std::string Message;
  auto Fixed = tooling::FixedCompilationDatabase::loadFromCommandLine(
      Argc, Argv, Message);
  // Its compile directory is ".": named as the current directory, it is the
  // project root of sources below it that no checkout holds (a Bazel
  // execution root), as a database's directory is (docs/facts.md).
  SmallString<256> Here;
  if (!Fixed || sys::fs::current_path(Here)) {
    CompilerArguments = std::move(Fixed);
    return;
  }
  // The flags, without the tool's name before them and the file after.
  std::vector<std::string> Flags =
      Fixed->getCompileCommands("-").front().CommandLine;
  CompilerArguments = std::make_unique<tooling::FixedCompilationDatabase>(
      Here, ArrayRef<std::string>(Flags).drop_front().drop_back());
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

/// The input type the driver gives \p File by its extension alone.
static driver::types::ID extensionType(StringRef File) {
  return driver::types::lookupTypeForExtension(
      sys::path::extension(File).drop_front());
}

/// The input type the driver gives \p File in \p Command: the last -x
/// (or clang-cl's /TC, /TP), else its extension; TY_INVALID when unknown.
static driver::types::ID inputType(const tooling::CompileCommand &Command,
                                   StringRef File) {
  namespace types = driver::types;
  types::ID Type = types::TY_INVALID;
  ArrayRef<std::string> Args = Command.CommandLine;
  for (size_t I = 0; I < Args.size(); ++I) {
    StringRef Arg = Args[I];
    if (Arg == "-x" && I + 1 < Args.size())
      Type = types::lookupTypeForTypeSpecifier(Args[++I].c_str());
    else if (Arg.starts_with("-x") && Arg.size() > 2)
      Type = types::lookupTypeForTypeSpecifier(Arg.data() + 2);
    else if (Arg == "/TC" || Arg == "-TC")
      Type = types::TY_C;
    else if (Arg == "/TP" || Arg == "-TP")
      Type = types::TY_CXX;
  }
  return Type != types::TY_INVALID ? Type : extensionType(File);
}

/// The language of a file of the run, as the driver sees it.
enum class SourceLanguage { CFamily, Assembly, Other };

static SourceLanguage languageOf(driver::types::ID Type) {
  namespace types = driver::types;
  if (types::isDerivedFromC(Type))
    return SourceLanguage::CFamily;
  if (Type == types::TY_Asm || Type == types::TY_PP_Asm)
    return SourceLanguage::Assembly;
  return SourceLanguage::Other;
}

bool isCFamilySource(StringRef File) {
  namespace types = driver::types;
  types::ID Type = extensionType(File);
  // A header's type is its own header type.
  return types::isDerivedFromC(Type) &&
         types::lookupHeaderTypeForSourceType(Type) != Type;
}

/// What \p File is compiled as: the extension says C, C++ or Objective-C
/// for almost every file, and only the others' commands are read (a
/// database can hold 100,000).
static SourceLanguage sourceLanguage(const tooling::CompilationDatabase &DB,
                                     StringRef File) {
  if (isCFamilySource(File))
    return SourceLanguage::CFamily;
  std::vector<tooling::CompileCommand> Commands = DB.getCompileCommands(File);
  return languageOf(Commands.empty() ? extensionType(File)
                                     : inputType(Commands.front(), File));
}

namespace {
/// The compile commands noalloc parses. Files that are not C, C++ or
/// Objective-C (assembly, linker scripts) hold no function noalloc can
/// analyse, so they are neither parsed nor units outside the run. And a
/// build can compile one source several times with the same flags (a test
/// helper built into every test executable): such commands differ only in
/// their outputs, and one parse serves them all; commands that differ
/// otherwise (defines, include paths) are all kept.
class AnalysedCommands : public tooling::CompilationDatabase {
public:
  explicit AnalysedCommands(std::unique_ptr<CompilationDatabase> Inner)
      : Inner(std::move(Inner)) {}

  std::vector<tooling::CompileCommand>
  getCompileCommands(StringRef File) const override {
    auto WithoutOutputs = tooling::combineAdjusters(
        tooling::getClangStripOutputAdjuster(),
        tooling::getClangStripDependencyFileAdjuster());
    std::vector<tooling::CompileCommand> Distinct;
    std::set<std::pair<std::string, std::vector<std::string>>> Seen;
    for (tooling::CompileCommand &C : Inner->getCompileCommands(File))
      if (Seen.emplace(C.Directory, WithoutOutputs(C.CommandLine, C.Filename))
              .second)
        Distinct.push_back(std::move(C));
    return Distinct;
  }
  std::vector<std::string> getAllFiles() const override {
    std::vector<std::string> Files = Inner->getAllFiles();
    llvm::erase_if(Files, [&](const std::string &File) {
      return sourceLanguage(*Inner, File) != SourceLanguage::CFamily;
    });
    return Files;
  }
  std::vector<tooling::CompileCommand> getAllCompileCommands() const override {
    std::vector<tooling::CompileCommand> Commands =
        Inner->getAllCompileCommands();
    llvm::erase_if(Commands, [&](const tooling::CompileCommand &C) {
      return sourceLanguage(*Inner, C.Filename) != SourceLanguage::CFamily;
    });
    return Commands;
  }

private:
  std::unique_ptr<CompilationDatabase> Inner;
};
} // namespace

/// Leaves out of \p Run the sources that are not C, C++ or Objective-C,
/// into Run.Skipped. An error when no source is left.
static Error skipOtherLanguages(Compilations &Run) {
  llvm::erase_if(Run.Files, [&](const std::string &File) {
    SourceLanguage Language = sourceLanguage(*Run.Database, File);
    if (Language == SourceLanguage::CFamily)
      return false;
    (Language == SourceLanguage::Assembly ? Run.Skipped.Assembly
                                          : Run.Skipped.Other)
        .push_back(File);
    return true;
  });
  llvm::sort(Run.Skipped.Assembly);
  llvm::sort(Run.Skipped.Other);
  if (!Run.Files.empty())
    return Error::success();
  std::string Skipped = Run.Skipped.describe();
  return createStringError(inconvertibleErrorCode(),
                           "no C, C++ or Objective-C source to analyse" +
                               (Skipped.empty()
                                    ? std::string(" (the compilation "
                                                  "database lists none)")
                                    : ": " + Skipped));
}

std::string SkippedSources::describe() const {
  size_t N = Assembly.size() + Other.size();
  if (!N)
    return "";
  std::string Text =
      "skipped " + std::to_string(N) +
      (Other.empty() ? (N == 1 ? " assembly file" : " assembly files")
                     : (N == 1 ? " file that is not C, C++ or Objective-C"
                               : " files that are not C, C++ or Objective-C"));
  const std::string &First =
      Assembly.empty() ? Other.front() : Assembly.front();
  return Text + " (" +
         joinList({"'" + sys::path::filename(First).str() + "'"}, N - 1) + ")";
}

/// --exclude: leaves out the sources whose absolute path matches one of
/// the regular expressions, as run-clang-tidy's file regex searches paths.
/// An error for a malformed regex, or when no source is left.
static Error excludeSources(std::vector<std::string> &Files) {
  std::vector<Regex> Patterns;
  for (const std::string &Pattern : cli::Exclude) {
    if (Error E = checkRegex("--exclude regex", Pattern))
      return E;
    Patterns.emplace_back(Pattern);
  }
  if (Patterns.empty())
    return Error::success();
  size_t Before = Files.size();
  llvm::erase_if(Files, [&](const std::string &File) {
    SmallString<256> Absolute(File);
    sys::fs::make_absolute(Absolute);
    return llvm::any_of(Patterns, [&](const Regex &R) {
      return R.match(sys::path::convert_to_slash(Absolute));
    });
  });
  if (Files.empty() && Before)
    return createStringError(inconvertibleErrorCode(),
                             "--exclude leaves out every source (" +
                                 std::to_string(Before) + ")");
  return Error::success();
}

/// \p File from the working directory, without '.' and '..': the
/// database's entries name their files so (clang-tidy asks it the same
/// way), where a relative name gets a command inferred from another entry.
static std::string absoluteSource(StringRef File) {
  SmallString<256> Absolute(File);
  sys::fs::make_absolute(Absolute);
  sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  return std::string(Absolute);
}

Expected<Compilations> loadCompilations() {
  Compilations Run;
  for (const std::string &Source : cli::Sources)
    Run.Files.push_back(absoluteSource(Source));
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
  if (Error E = excludeSources(Run.Files))
    return std::move(E);
  auto Adjusted = std::make_unique<tooling::ArgumentsAdjustingCompilations>(
      std::move(Run.Database));
  Adjusted->appendArgumentsAdjuster(tooling::combineAdjusters(
      tooling::getInsertArgumentAdjuster(
          cli::ExtraArgsBefore, tooling::ArgumentInsertPosition::BEGIN),
      tooling::getInsertArgumentAdjuster(
          cli::ExtraArgs, tooling::ArgumentInsertPosition::END)));
  Run.Database = std::make_unique<AnalysedCommands>(std::move(Adjusted));
  if (Error E = skipOtherLanguages(Run))
    return std::move(E);
  return std::move(Run);
}

} // namespace noalloc
