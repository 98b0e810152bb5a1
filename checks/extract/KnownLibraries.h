//===--- KnownLibraries.h - The headers of the libraries noalloc knows ----===//

#ifndef NOALLOC_CHECKS_KNOWNLIBRARIES_H
#define NOALLOC_CHECKS_KNOWNLIBRARIES_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include <string>
#include <vector>

namespace clang {
class HeaderSearch;
class SourceManager;
} // namespace clang

namespace noalloc {

/// The headers of the libraries noalloc knows: the compiler's builtin
/// headers, and the system directories that hold the C library's, the
/// OS's or the C++ standard library's (where <stdlib.h>, <sys/types.h>,
/// <new> are found), with what lies below them. The knowledge base and the
/// knowledge derived from the system's binaries describe these libraries;
/// their compiled functions without an entry are assumed as the policy
/// says. Any other system header (a vendor SDK or a package that a build
/// reaches through -isystem, as CMake does for every imported target)
/// is a library noalloc knows nothing of.
class KnownLibraries {
public:
  /// Every system header: what a unit parsed without its header search
  /// (a unit test's AST) knows.
  KnownLibraries() = default;
  explicit KnownLibraries(const clang::HeaderSearch &Search);

  /// Whether \p Loc, in a system header, is in a known library's.
  bool contains(const clang::SourceManager &SM, clang::SourceLocation Loc);

private:
  bool underDirectory(llvm::StringRef Path) const;

  /// Real paths, without a trailing separator; none: every system header.
  std::vector<std::string> Directories;
  bool Everything = true;
  llvm::DenseMap<clang::FileID, bool> Known;
};

} // namespace noalloc

#endif // NOALLOC_CHECKS_KNOWNLIBRARIES_H
