//===--- DatabaseCheck.h - A compilation database, read strictly ----------===//
//
// clang's JSON compilation database reader is lenient: it uses the entries
// before a syntax error and drops the rest, and when the file is empty it
// says "no compilation database found". noalloc reads the file strictly
// first, so a run analyses all of it or stops with the real cause.
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_TOOL_DATABASECHECK_H
#define NOALLOC_TOOL_DATABASECHECK_H

#include "llvm/Support/Error.h"

namespace noalloc {

/// Checks the compile_commands.json that clang would find from
/// \p BuildPath (it or a parent directory): valid JSON, an array of objects
/// with a "directory", a "file" and "arguments" or "command". One error,
/// not clang's several lines, when \p BuildPath does not exist or no
/// database is found.
llvm::Error checkCompilationDatabase(llvm::StringRef BuildPath);

} // namespace noalloc

#endif // NOALLOC_TOOL_DATABASECHECK_H
