//===--- TranslationUnitAnalysis.h - One parse of one source file ---------===//

#ifndef NOALLOC_TOOL_TRANSLATIONUNITANALYSIS_H
#define NOALLOC_TOOL_TRANSLATIONUNITANALYSIS_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "extract/FactSink.h"
#include "utils/UnitKnowledge.h"
#include "clang/Tooling/CompilationDatabase.h"

namespace clang::tooling {
class ClangTool;
} // namespace clang::tooling

namespace noalloc {

/// What one translation unit contributes to a run.
struct TranslationUnitResult {
  std::string MainFile;
  /// Findings of the enabled checks, after NOLINT, header and system-header
  /// filtering; compiler errors are included as clang-diagnostic-error.
  std::vector<clang::tidy::ClangTidyError> Diagnostics;
  /// False if the file did not compile; its findings are then incomplete.
  bool Compiled = true;
  /// The unit's facts, whatever checks ran; none if it did not compile far
  /// enough.
  FactSink Facts;
  /// The keys its facts' functions are stored under in the program
  /// (ProgramFacts::keysOf), when known: made before the result is cached,
  /// read back with it. Empty: made when the facts join the program.
  std::vector<std::string> FactKeys;
  /// Every file the parse read, by absolute path: what the cache checks.
  std::vector<std::string> Dependencies;
  /// Every path the parse looked for and did not find, by absolute path
  /// (the candidates of an include path before the directory that held a
  /// header, a false '__has_include'): one that appears may change what
  /// the parse reads, so the cache checks these too.
  std::vector<std::string> AbsentFiles;
  /// An #include or #embed named a file that was not found.
  bool MissingFile = false;
  bool FromCache = false;
  /// Where the parse's time went, in CPU seconds of the worker (--timing):
  /// the frontend, the checks (AST matching), the fact extraction, and all
  /// of it (with set-up and freeing the AST).
  struct PhaseTimes {
    double Parse = 0, Checks = 0, Facts = 0, Total = 0;
  } Time;
};

/// The options every translation unit of a run shares.
struct RunOptions {
  clang::tidy::ClangTidyGlobalOptions Global;
  clang::tidy::ClangTidyOptions Defaults;
  clang::tidy::ClangTidyOptions Overrides;
};

/// Makes the clang-tidy options provider of a run: built-in defaults, then
/// the .clang-tidy files above each source, then the command line. Check
/// globs are restricted to noalloc's checks unless --verify-config needs
/// them as written (\p RestrictToNoalloc false). A relative file name is
/// taken in the working directory of \p FS (the real one if null): a
/// unit's, which its compile command sets, names its main file as the
/// command does.
std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> makeOptionsProvider(
    const RunOptions &Options, bool RestrictToNoalloc = true,
    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS = nullptr);

/// An error if \p Pattern is no regular expression: "invalid <What>
/// '<Pattern>': <why>". Every regex of the command line and the
/// configuration is checked here.
llvm::Error checkRegex(const llvm::Twine &What, llvm::StringRef Pattern);

/// The header filters of \p Options (HeaderFilterRegex,
/// ExcludeHeaderFilterRegex) checked with checkRegex.
llvm::Error checkHeaderFilters(const clang::tidy::ClangTidyOptions &Options);

/// Checks, before any analysis, the configuration files above \p Sources
/// (.noalloc.yaml, .clang-tidy) and every knowledge file they name: a broken
/// one is an error with its file, line and column.
llvm::Error checkConfiguration(llvm::ArrayRef<std::string> Sources,
                               const RunOptions &Options);

/// What every parse of a compile command needs: compiler plugins stripped,
/// clang's builtin headers found.
void adjustForParsing(clang::tooling::ClangTool &Tool);

/// Calls \p Run once for each compile command of \p File in \p Database,
/// with a database that holds that command alone (\p Database itself when
/// the file has at most one), until it returns false; returns whether none
/// did. A ClangTool over a file of several commands numbers them on stderr
/// ("[1/1] (1/2) Processing file f.c."); over one, it says nothing.
bool forEachCommand(
    const clang::tooling::CompilationDatabase &Database, llvm::StringRef File,
    llvm::function_ref<bool(const clang::tooling::CompilationDatabase &)> Run);

/// Parses \p File once with the compile command from \p Database and runs
/// the enabled noalloc checks on it. Safe to call from several threads.
TranslationUnitResult
analyzeTranslationUnit(const clang::tooling::CompilationDatabase &Database,
                       llvm::StringRef File, const RunOptions &Options);

} // namespace noalloc

#endif // NOALLOC_TOOL_TRANSLATIONUNITANALYSIS_H
