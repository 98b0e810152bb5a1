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
    std::string LineText;
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

/// A fingerprint of each finding that survives unrelated edits: the check,
/// the file relative to \p Base (the current directory by default), the
/// message and the trimmed text of its line, numbered among identical
/// ones; not the line number.
std::vector<std::string>
fingerprints(llvm::ArrayRef<clang::tidy::ClangTidyError> Errors,
             SourceFiles &Files, llvm::StringRef Base = "");

/// SARIF 2.1.0: one rule per check with help text and a link to its page,
/// the chain of notes as a code flow, stable partial fingerprints.
void writeSarif(llvm::ArrayRef<clang::tidy::ClangTidyError> Errors,
                llvm::ArrayRef<std::string> Checks, llvm::StringRef DocsURL,
                SourceFiles &Files, llvm::raw_ostream &OS);

/// JSON for scripts: the findings, and per function of the analysed code
/// whether it may allocate, with one chain.
void writeJson(llvm::ArrayRef<clang::tidy::ClangTidyError> Errors,
               llvm::ArrayRef<FunctionSummary> FunctionVerdicts,
               SourceFiles &Files,
               llvm::raw_ostream &OS);

/// Baselines: the fingerprints of accepted findings.
llvm::Error writeBaseline(llvm::StringRef Path,
                          llvm::ArrayRef<std::string> Fingerprints);
llvm::Expected<llvm::StringSet<>> readBaseline(llvm::StringRef Path);

} // namespace noalloc

#endif // NOALLOC_TOOL_REPORTS_H
