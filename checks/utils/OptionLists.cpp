//===--- OptionLists.cpp - ';'-separated option values --------------------===//

#include "utils/OptionLists.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "llvm/Support/YAMLParser.h"

namespace noalloc {

std::vector<std::string> optionList(llvm::StringRef Value) {
  std::vector<std::string> Items;
  for (llvm::StringRef Item : clang::tidy::utils::options::parseStringList(Value))
    Items.push_back(Item.str());
  return Items;
}

bool optionIsTrue(llvm::StringRef Value) {
  if (std::optional<bool> Parsed = llvm::yaml::parseBool(Value))
    return *Parsed;
  long long Number = 0;
  return !Value.getAsInteger(10, Number) && Number != 0;
}

} // namespace noalloc
