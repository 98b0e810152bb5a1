//===--- VerifyConfig.h - --verify-config, --dump-config, enabled checks --===//
//
// clang-tidy's conventions for configuration mistakes: a check glob that
// enables nothing is an error, --verify-config names unknown checks and
// options and bad values with the file and line they come from, and
// --dump-config prints what applies.
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_TOOL_VERIFYCONFIG_H
#define NOALLOC_TOOL_VERIFYCONFIG_H

#include "TranslationUnitAnalysis.h"
#include "llvm/ADT/StringSet.h"
#include <optional>

namespace noalloc {

/// The file whose configuration stands for the run's: the first source
/// named, else a file in the current directory.
std::string representativeFile();

/// An error, and exit status 2, when the configuration that applies to
/// \p File enables no noalloc check; notes name each glob that names no
/// check, with the nearest one.
std::optional<int> requireEnabledChecks(const RunOptions &Options,
                                        llvm::StringRef File);

/// --dump-config: the effective configuration of \p File, check options
/// with their defaults, as .clang-tidy YAML.
int dumpConfig(const RunOptions &Options, llvm::StringRef File);

/// "unknown check option 'noalloc-call.Polcy'; did you mean
/// 'noalloc-call.Policy'?" when \p Name is a noalloc check's option that no
/// check of \p Known (clang-tidy's registry) has. Other checks' options
/// are theirs: a project's .clang-tidy configures its other checks.
std::optional<std::string> unknownCheckOption(llvm::StringRef Name,
                                              const llvm::StringSet<> &Known);

/// "unknown option 'Polcy'; did you mean 'Policy'?" when \p Name, with no
/// check's prefix, is a near miss of a noalloc check's option: a global
/// option of another tool is none of noalloc's business.
std::optional<std::string> unknownGlobalOption(llvm::StringRef Name,
                                               const llvm::StringSet<> &Known);

/// An error for the first unknown noalloc check option, or near miss, in \p Raw
/// (the configuration sources of one file), with the file and line that set it:
/// a misspelt option must not leave the run under its default.
llvm::Error rejectUnknownCheckOptions(
    llvm::ArrayRef<clang::tidy::ClangTidyOptionsProvider::OptionsSource> Raw);

/// --verify-config over the configuration of every file of \p Files (each
/// directory once): 0 and "No config errors detected." or every problem,
/// once, as "<file>:<line>: error: ..." and 2.
int verifyConfig(const RunOptions &Options,
                 llvm::ArrayRef<std::string> Files);

} // namespace noalloc

#endif // NOALLOC_TOOL_VERIFYCONFIG_H
