//===--- OptionLists.cpp - ';'-separated option values --------------------===//

#include "utils/OptionLists.h"
#include "clang-tidy/utils/OptionsUtils.h"

namespace noalloc {

std::vector<std::string> optionList(llvm::StringRef Value) {
  std::vector<std::string> Items;
  for (llvm::StringRef Item : clang::tidy::utils::options::parseStringList(Value))
    Items.push_back(Item.str());
  return Items;
}

} // namespace noalloc
