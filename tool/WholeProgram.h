//===--- WholeProgram.h - One link and one set of options per run ---------===//
//
// The options that shape the whole program's answer (roots, allowed zones,
// policy, knowledge files, which checks run) are resolved once per run from
// every configuration the run reads, so the answer is a function of the set
// of inputs, not of their order. Then the facts of every unit are linked
// once and the call findings are made from the linked result.
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_TOOL_WHOLEPROGRAM_H
#define NOALLOC_TOOL_WHOLEPROGRAM_H

#include "report/HeapReport.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include <memory>
#include <optional>
#include <set>

namespace noalloc {

struct RunLevelOptions {
  Policy Policy = Policy::lenient();
  LinkOptions Link;
  /// The noalloc checks enabled for any file of the run.
  std::set<std::string> EnabledChecks;
  bool EveryCall = false;

  bool enabled(llvm::StringRef Check) const {
    return EnabledChecks.count(Check.str()) != 0;
  }
};

/// Merges the configurations of \p Files: roots, allowed zones and
/// knowledge files are joined; two different policies are an error that
/// names both places. \p Provider gives the files of one directory the same
/// options, as clang-tidy's configuration files do: each directory is read
/// once.
llvm::Expected<RunLevelOptions>
resolveRunLevelOptions(clang::tidy::ClangTidyOptionsProvider &Provider,
                       llvm::ArrayRef<std::string> Files);

/// The knowledge files that apply to \p File (for extraction).
std::vector<std::string>
knowledgeFilesFor(const clang::tidy::ClangTidyOptions &Effective);

/// The linked program of a run and what it says.
struct LinkedRun {
  std::shared_ptr<const KnowledgeBase> Knowledge;
  std::unique_ptr<HeapGraph> Graph;
  RunLevelOptions Options;
  /// When facts of units outside the run joined the link: the files of the
  /// run's own units. Findings elsewhere are the other units' to report.
  std::optional<std::set<std::string>> RunFiles;
};

llvm::Expected<LinkedRun> linkProgram(ProgramFacts Program,
                                      RunLevelOptions Options);

/// Drops direct findings in allowed zones or, with roots, outside their
/// reach, and adds the findings of noalloc-call and noalloc-unknown-call
/// (the caller sorts and de-duplicates). noalloc-unknown-call's are added
/// even when it is off, for the summary line: the caller counts and drops
/// them after its filters.
void reportFromLinkedProgram(const LinkedRun &Run,
                             std::vector<clang::tidy::ClangTidyError> &Errors);

} // namespace noalloc

#endif // NOALLOC_TOOL_WHOLEPROGRAM_H
