//===--- Paths.h - One name for each file ---------------------------------===//
//
// Findings, facts and baselines name files by absolute path. Two spellings
// of one file must give one name, and "a/link/../x.h" must name the file the
// operating system opens: past a symbolic link, ".." climbs from the link's
// target, not from the directory that holds the link.
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_CHECKS_UTILS_PATHS_H
#define NOALLOC_CHECKS_UTILS_PATHS_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace noalloc {

/// \p Path made absolute against \p WorkingDirectory (the process's when
/// empty), without "." components, and without ".." components where the
/// file system allows: a ".." after a symbolic link resolves the link
/// first. Paths without ".." are never resolved, so names stay as the user
/// wrote them.
std::string normalizedPath(llvm::StringRef Path,
                           llvm::StringRef WorkingDirectory = "");

/// Whether \p Path is \p Dir or lies below it (lexically; false when \p Dir
/// is empty).
bool isUnder(llvm::StringRef Path, llvm::StringRef Dir);

/// The nearest directory at or above \p Directory that holds ".git" (the
/// top level of a checkout or of a worktree), if any.
std::optional<std::string> gitTopLevel(llvm::StringRef Directory);

/// The directory that facts name files relative to, so that the facts of
/// one unit are the same bytes on every machine: the nearest ancestor of
/// \p MainFile that holds ".git" (a checkout), else \p CompileDirectory if
/// it holds the main file (a Bazel execution root), else none ("").
std::string projectRoot(llvm::StringRef MainFile,
                        llvm::StringRef CompileDirectory);

/// \p Path relative to \p Root ("src/a.cpp") if it lies under it, else
/// \p Path as it is.
std::string relativeTo(llvm::StringRef Path, llvm::StringRef Root);

/// The inverse: a relative \p Path joined to \p Root; an absolute one, or
/// any path when \p Root is empty, as it is.
std::string resolvedAgainst(llvm::StringRef Path, llvm::StringRef Root);

} // namespace noalloc

#endif // NOALLOC_CHECKS_UTILS_PATHS_H
