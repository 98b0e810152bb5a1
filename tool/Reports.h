//===--- Reports.h - Findings for machines: SARIF, JSON, baselines --------===//

#ifndef NOALLOC_TOOL_REPORTS_H
#define NOALLOC_TOOL_REPORTS_H

#include "report/HeapReport.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/raw_ostream.h"
#include <memory>

namespace noalloc {

/// Reads the files findings point into, to turn offsets into lines,
/// columns and source text.
class SourceFiles {
public:
  SourceFiles();
  ~SourceFiles();
  struct Position {
    unsigned Line = 0, Column = 0, Length = 1;
    /// The line, trimmed (for fingerprints), and as it is in the file.
    std::string LineText;
    std::string UntrimmedLine;
    bool Valid = false;
  };
  Position position(llvm::StringRef File, unsigned Offset);
  /// A character range for clang's SARIF writer; invalid if unreadable.
  clang::CharSourceRange range(llvm::StringRef File, unsigned Offset);
  const clang::SourceManager &sourceManager() const;

private:
  struct Impl;
  std::unique_ptr<Impl> P;
};


/// Whether \p Note is a step of \p E's chain: noalloc-call's notes are, but
/// the count of the function's other calls; a direct check's notes (fix-its,
/// macro expansions) are not: its chain is its heap site alone.
bool isChainStep(const clang::tidy::ClangTidyError &E,
                 const clang::tooling::DiagnosticMessage &Note);

/// The steps of a finding's chain in the order the program runs them: from
/// the root or caller down to the heap site, the finding's own message
/// among them (the notes come root first; the finding belongs before the
/// first note about its callee).
std::vector<const clang::tooling::DiagnosticMessage *>
chainInRunOrder(const clang::tidy::ClangTidyError &E);

/// The page of \p Check under \p DocsURL (the URL of docs/checks/); empty
/// without a URL or for a check noalloc does not have.
std::string checkHelpURI(llvm::StringRef Check, llvm::StringRef DocsURL);

/// What a run found, for its summary line.
struct RunSummary {
  unsigned Findings = 0;
  size_t FilesWithFindings = 0;
  size_t FilesAnalysed = 0;
  /// The files that do not compile.
  std::vector<std::string> Failed;
  /// A configuration error ('clang-tidy-config') came from a unit.
  bool ConfigurationError = false;
  /// The calls the run could not follow: the noalloc-unknown-call
  /// findings the run's filters keep, whether or not the check is on.
  UnseenCalls Unfollowed;
  /// The library calls that may allocate on some inputs which the run's
  /// policy accepts, in the roots' reach (or the whole run's code).
  AcceptedLibraryCalls AcceptedLibrary;
  /// The findings of heap use only after a call fails (a failed assert).
  unsigned FailurePaths = 0;
  /// With roots, each one's answer in a line (rootAnswers): the first
  /// RootsShown, then a line counting the others.
  std::vector<std::string> Roots;
  static constexpr size_t RootsShown = 20;

  /// "3 findings in 7 files": the files with findings, or with none, the
  /// files analysed. Empty when no file compiled: "0 findings" would claim
  /// that files no parse reached are clean.
  std::string line() const;

  /// Whether the run fails (exit status 2): its findings are incomplete,
  /// so it writes no file and no report for machines (see
  /// NoallocMain.cpp's unwrittenOutputs).
  bool failed() const { return !Failed.empty() || ConfigurationError; }
};

/// A fingerprint of each finding that survives unrelated edits: the check,
/// the file relative to \p Base (the current directory by default), the
/// message and the trimmed text of its line, numbered among identical
/// ones; not the line number.
std::vector<std::string>
fingerprints(llvm::ArrayRef<clang::tidy::ClangTidyError> Errors,
             SourceFiles &Files, llvm::StringRef Base = "");

struct SarifOptions {
  /// The base of the checks' documentation pages; no helpUri when empty.
  std::string DocsURL;
  /// %SRCROOT%: URIs of files below it are relative to it; absolute when
  /// empty.
  std::string SourceRoot;
  /// The tool's home page; none when empty.
  std::string InformationURI;
};

/// SARIF 2.1.0 as GitHub code scanning wants it: one rule per check from
/// the registry (short and full description, help text and markdown, a
/// link to its page), URIs relative to %SRCROOT%, the chain as related
/// locations and a code flow from the root or caller down to the heap
/// site, partial fingerprints that survive line moves.
void writeSarif(llvm::ArrayRef<clang::tidy::ClangTidyError> Errors,
                llvm::ArrayRef<std::string> Checks, const SarifOptions &Options,
                SourceFiles &Files, llvm::raw_ostream &OS);

/// JSON for scripts: the findings, and per function of the analysed code
/// whether it may allocate, with one chain.
void writeJson(llvm::ArrayRef<clang::tidy::ClangTidyError> Errors,
               llvm::ArrayRef<FunctionSummary> FunctionVerdicts,
               const RunSummary &Summary, SourceFiles &Files,
               llvm::raw_ostream &OS);

/// One accepted finding: its fingerprint, and for the reader, where it
/// was (relative to the baseline file) and what it said.
struct BaselineEntry {
  std::string Fingerprint;
  std::string File;
  unsigned Line = 0;
  std::string Check;
  std::string Message;
};

/// Baselines: the accepted findings (version 2), readable by reviewers;
/// version 1 files (bare fingerprints) are still read.
llvm::Error writeBaseline(llvm::StringRef Path,
                          llvm::ArrayRef<BaselineEntry> Entries);
llvm::Expected<std::vector<BaselineEntry>> readBaseline(llvm::StringRef Path);
/// A baseline's text; \p Name says where it came from in errors.
llvm::Expected<std::vector<BaselineEntry>>
parseBaseline(llvm::StringRef Text, llvm::StringRef Name);

} // namespace noalloc

#endif // NOALLOC_TOOL_REPORTS_H
