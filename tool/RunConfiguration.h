//===--- RunConfiguration.h - What one run analyses, and how --------------===//
//
// The clang-tidy options of a run (built-in defaults, .clang-tidy and
// .noalloc.yaml files, the command line) and its compile commands (a
// compilation database, or the flags after "--").
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_TOOL_RUNCONFIGURATION_H
#define NOALLOC_TOOL_RUNCONFIGURATION_H

#include "TranslationUnitAnalysis.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <memory>

namespace noalloc {

/// The built-in defaults alone: what `noalloc launch` runs with, and what
/// the command line of the main command and `link` is applied over.
RunOptions defaultRunOptions();

/// The defaults with --config, --checks, --header-filter, --color and
/// --knowledge applied; an error if --config is malformed.
llvm::Expected<RunOptions> makeRunOptions();

/// Takes "-- <compiler args>" off the command line (\p Argc shrinks); the
/// flags become the compile command of every named source.
void takeCompilerArguments(int &Argc, const char **Argv);

/// Whether the driver compiles \p File as a C, C++ or Objective-C source
/// (not a header) by its extension alone (a command's -x can say
/// otherwise).
bool isCFamilySource(llvm::StringRef File);

/// The sources of a run that are not C, C++ or Objective-C, left out:
/// they hold no function noalloc can analyse.
struct SkippedSources {
  std::vector<std::string> Assembly;
  std::vector<std::string> Other;
  /// "skipped 1 assembly file ('startup.S')"; empty when none is.
  std::string describe() const;
};

struct Compilations {
  /// Lists only C, C++ and Objective-C files.
  std::unique_ptr<clang::tooling::CompilationDatabase> Database;
  std::vector<std::string> Files;
  SkippedSources Skipped;
};

/// The sources of the run and their compile commands, with --extra-arg and
/// --extra-arg-before applied however they were found: "--", -p (every
/// file of the database when no source is named), or a database above the
/// first source. Files that are not C, C++ or Objective-C (by the -x of
/// their command, else their extension, as the driver decides) are left
/// out. An error if there is nothing to analyse.
llvm::Expected<Compilations> loadCompilations();

} // namespace noalloc

#endif // NOALLOC_TOOL_RUNCONFIGURATION_H
