//===--- ProgramIdentity.h - Which noalloc is running ---------------------===//
//
// The result cache's entries belong to the program that wrote them: a
// rebuilt noalloc, or an updated LLVM or clang library under it, makes them
// all stale. Hashing the executable on every run costs milliseconds (20 ms
// for a statically linked one); the build ids the linker wrote into each
// loaded object are already in memory.
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_TOOL_PROGRAMIDENTITY_H
#define NOALLOC_TOOL_PROGRAMIDENTITY_H

#include <string>

namespace noalloc {

/// The identity of the running program: the GNU build id of the executable
/// and of the LLVM and clang shared libraries loaded with it, or, for an
/// object that has none, the hash of its file's contents. \p Argv0 finds
/// the executable.
std::string programIdentity(const char *Argv0);

} // namespace noalloc

#endif // NOALLOC_TOOL_PROGRAMIDENTITY_H
