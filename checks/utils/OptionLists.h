//===--- OptionLists.h - ';'-separated option values ----------------------===//

#ifndef NOALLOC_CHECKS_UTILS_OPTIONLISTS_H
#define NOALLOC_CHECKS_UTILS_OPTIONLISTS_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace noalloc {

/// The items of a ';'-separated option value, as clang-tidy's
/// parseStringList reads them (trimmed, empty ones dropped).
std::vector<std::string> optionList(llvm::StringRef Value);

/// Whether a boolean option's value is true, as clang-tidy reads it.
bool optionIsTrue(llvm::StringRef Value);

} // namespace noalloc

#endif // NOALLOC_CHECKS_UTILS_OPTIONLISTS_H
