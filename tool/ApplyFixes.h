//===--- ApplyFixes.h - --fix, checked first and written safely -----------===//
//
// clang-tidy's renderer applies fixes as it prints, into whatever file a
// fix names, even when the code does not compile. noalloc applies them
// apart: not when a unit has compiler errors (unless --fix-errors), not
// outside the project (third-party directories, build trees) unless
// --fix-outside-project; a finding whose fix overlaps another's is skipped
// whole; then each file is rewritten at once through the safe writer. One
// --fix at a time per project: a lock is held from before the analysis, so
// a second run waits and then analyses what the first one wrote.
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_TOOL_APPLYFIXES_H
#define NOALLOC_TOOL_APPLYFIXES_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/Support/Error.h"
#include <optional>

namespace noalloc {

/// The directory a run's fixes may edit: the repository (the nearest
/// directory above with .git) holding the analysed sources, else their
/// common directory.
std::string projectRoot(llvm::ArrayRef<std::string> MainFiles);

/// Whether a fix may edit \p File: in \p Root, not in a third-party
/// directory nor a build tree (a directory with CMakeCache.txt) unless the
/// analysed sources (all in \p Sources) are there too.
bool isProjectFile(llvm::StringRef File, llvm::StringRef Root,
                   llvm::StringRef Sources);

/// An exclusive lock on \p Root for one --fix run (waiting for the one
/// that holds it), released when destroyed.
class FixLock {
public:
  static llvm::Expected<FixLock> acquire(llvm::StringRef Root);
  FixLock(FixLock &&Other) : FD(Other.FD) { Other.FD = -1; }
  ~FixLock();

private:
  explicit FixLock(int FD) : FD(FD) {}
  int FD;
};

/// Applies the fixes of \p Errors. \p Failed lists the units that did not
/// compile. Returns an exit status when a file could not be written.
std::optional<int>
applyFixes(llvm::ArrayRef<clang::tidy::ClangTidyError> Errors,
           llvm::ArrayRef<std::string> MainFiles,
           llvm::ArrayRef<std::string> Failed, bool FixErrors,
           bool OutsideProject);

} // namespace noalloc

#endif // NOALLOC_TOOL_APPLYFIXES_H
