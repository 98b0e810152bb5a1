//===--- Phrases.h - Lists in messages ------------------------------------===//

#ifndef NOALLOC_CHECKS_UTILS_PHRASES_H
#define NOALLOC_CHECKS_UTILS_PHRASES_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace noalloc {

/// \p S in single quotes, as a message names a culprit: "'malloc'".
std::string quoted(llvm::StringRef S);

/// \p Items as a message lists them: "a", "a and b", "a, b and c"; with
/// \p More items left out, counted: "a, b and 2 more".
std::string joinList(llvm::ArrayRef<std::string> Items, size_t More = 0);

} // namespace noalloc

#endif // NOALLOC_CHECKS_UTILS_PHRASES_H
