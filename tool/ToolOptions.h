//===--- ToolOptions.h - noalloc's command line ---------------------------===//
//
// Every command-line option of the tool, and the `launch` and `link`
// subcommands. The analysis and report options belong to the main command
// and to `link`; `launch` takes a compiler command and nothing else.
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_TOOL_TOOLOPTIONS_H
#define NOALLOC_TOOL_TOOLOPTIONS_H

#include "llvm/Support/CommandLine.h"
#include <string>

namespace noalloc::cli {

extern llvm::cl::OptionCategory Category;
extern llvm::cl::SubCommand LaunchCommand;
extern llvm::cl::SubCommand LinkCommand;

// Compile commands (the main command only).
extern llvm::cl::list<std::string> Sources;
extern llvm::cl::opt<std::string> BuildPath;
extern llvm::cl::list<std::string> ExtraArgs;
extern llvm::cl::list<std::string> ExtraArgsBefore;
extern llvm::cl::list<std::string> Exclude;
// `noalloc link DIR...`.
extern llvm::cl::list<std::string> LinkDirectories;
// `noalloc launch <compiler> <args>...`.
extern llvm::cl::opt<std::string> LaunchCompiler;
extern llvm::cl::list<std::string> LaunchArguments;

// Analysis.
extern llvm::cl::opt<std::string> Checks;
extern llvm::cl::opt<std::string> Config;
extern llvm::cl::opt<bool> ListChecks;
extern llvm::cl::opt<std::string> HeaderFilter;
extern llvm::cl::opt<std::string> ExcludeHeaderFilter;
extern llvm::cl::opt<std::string> LineFilter;
extern llvm::cl::opt<std::string> WarningsAsErrors;
extern llvm::cl::opt<std::string> ConfigFile;
extern llvm::cl::opt<bool> SystemHeaders;
extern llvm::cl::opt<bool> DumpConfig;
extern llvm::cl::opt<bool> VerifyConfig;
extern llvm::cl::list<std::string> KnowledgeFiles;
extern llvm::cl::opt<unsigned> Jobs;
extern llvm::cl::opt<std::string> Explain;
extern llvm::cl::opt<std::string> FactsDir;
extern llvm::cl::opt<std::string> ResultsDir;
extern llvm::cl::opt<bool> Stats;
extern llvm::cl::opt<std::string> CacheDir;
extern llvm::cl::opt<bool> NoCache;

// Reports.
enum class OutputFormat { Text, Sarif, Json, Html };
extern llvm::cl::opt<OutputFormat> Format;
extern llvm::cl::opt<std::string> Output;
extern llvm::cl::opt<std::string> DocsURL;
extern llvm::cl::opt<std::string> SarifRoot;
extern llvm::cl::opt<std::string> WriteBaseline;
extern llvm::cl::opt<std::string> Baseline;
extern llvm::cl::opt<bool> ReportStaleBaseline;
extern llvm::cl::opt<bool> Fix;
extern llvm::cl::opt<bool> FixErrors;
extern llvm::cl::opt<bool> FixOutsideProject;
extern llvm::cl::opt<std::string> ExportFixes;
enum class AnnotateMode { Off, NonAllocating, NonBlocking };
extern llvm::cl::opt<AnnotateMode> Annotate;
extern llvm::cl::opt<bool> Quiet;

/// LLVM's --color (auto when unset, else true or false).
llvm::cl::boolOrDefault colorOption();

/// Parses the command line of the main command or a subcommand; prints
/// what was wrong with one "noalloc: error:" prefix and returns false.
/// "--" and what follows it are the caller's (see RunConfiguration.h).
bool parseCommandLine(int Argc, const char **Argv);

} // namespace noalloc::cli

#endif // NOALLOC_TOOL_TOOLOPTIONS_H
