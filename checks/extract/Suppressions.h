//===--- Suppressions.h - NOLINT, as clang-tidy reads it ------------------===//
//
// clang-tidy applies NOLINT to the diagnostics it prints. The facts need
// more: a heap site or call the user accepted with NOLINT does not
// propagate to callers. This asks clang-tidy's own NOLINT reader, so that
// NOLINT, NOLINTNEXTLINE and NOLINTBEGIN/NOLINTEND mean exactly what they
// mean to clang-tidy, malformed ones included (clang-tidy reports those).
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_CHECKS_EXTRACT_SUPPRESSIONS_H
#define NOALLOC_CHECKS_EXTRACT_SUPPRESSIONS_H

#include "utils/LLVMCompat.h"
#include "clang-tidy/NoLintDirectiveHandler.h"
#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/DenseMap.h"

namespace noalloc {

class Suppressions {
public:
  explicit Suppressions(clang::DiagnosticsEngine &Diags)
      : Diags(Diags), Probe(Diags) {}

  /// Whether a NOLINT comment that names \p Check (or a glob that matches
  /// it but not every check) suppresses it at \p Loc.
  bool covers(clang::SourceLocation Loc, llvm::StringRef Check);

private:
  /// Whether clang-tidy suppresses \p Check at \p Loc.
  bool suppresses(clang::SourceLocation Loc, llvm::StringRef Check);
  /// What of a file's text can hold the NOLINT comments the handler reads.
  struct FileText {
    llvm::StringRef Text;
    bool HasNoLint = true;
    bool HasBlocks = true;
  };
  /// False when the handler cannot find a NOLINT comment for \p Loc: none
  /// in its file, or none on its line or the line before in a file without
  /// NOLINTBEGIN. The handler's answer costs 2,200 instructions, asked for
  /// every heap site and call (json's unit-json_patch.cpp: 23,000 times).
  bool mayBeCovered(clang::SourceLocation Loc);
  /// mayBeCovered of a file location, from its file's text.
  bool mayBeCoveredText(clang::SourceLocation Loc);

  clang::DiagnosticsEngine &Diags;
  compat::DiagnosticProbe Probe;
  clang::tidy::NoLintDirectiveHandler Handler;
  llvm::DenseMap<clang::FileID, FileText> Files;
  /// The last file location asked about and its answer: a call is asked
  /// about for two or three checks in turn.
  clang::SourceLocation LastAsked;
  bool LastAnswer = false;
};

} // namespace noalloc

#endif // NOALLOC_CHECKS_EXTRACT_SUPPRESSIONS_H
