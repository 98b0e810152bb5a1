//===--- SafeOutput.h - Every file noalloc writes -------------------------===//
//
// Reports, fix exports, baselines, facts, cache entries, launcher results
// and fixed sources are all written here: to a temporary file beside the
// real target (a symbolic link is followed, not replaced), synced, then
// renamed over it, so a reader sees the old contents or the new, never a
// part. Anything but a regular file (a FIFO, a device, a directory) is
// refused, except "-" for standard output. Every failure names the path.
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_TOOL_SAFEOUTPUT_H
#define NOALLOC_TOOL_SAFEOUTPUT_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

namespace noalloc {

/// Writes what \p Write prints to \p Path ("-": standard output), whole or
/// not at all. The stream is a file's: its descriptor can be redirected to.
llvm::Error
writeFileSafely(llvm::StringRef Path,
                llvm::function_ref<llvm::Error(llvm::raw_fd_ostream &)> Write);

/// The file descriptor under \p OS, to redirect standard output to.
int fileDescriptor(llvm::raw_fd_ostream &OS);

/// The regular file \p Path names, through symbolic links; an error if it
/// exists and is not a regular file. A missing file is its own target.
llvm::Expected<std::string> resolveOutputTarget(llvm::StringRef Path);

/// An unnamed temporary file open for reading and writing, or -1.
int unnamedTemporaryFile();

/// What the file open as \p FD holds, from its start.
std::string readWholeFile(int FD);

/// Standard output's pending error, if any, as an error naming it (and
/// cleared, so that LLVM does not abort at exit).
llvm::Error takeStandardOutputError();

} // namespace noalloc

#endif // NOALLOC_TOOL_SAFEOUTPUT_H
