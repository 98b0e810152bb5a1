//===--- Phrases.cpp - Lists in messages ----------------------------------===//

#include "utils/Phrases.h"

namespace noalloc {

std::string quoted(llvm::StringRef S) { return "'" + S.str() + "'"; }

std::string joinList(llvm::ArrayRef<std::string> Items, size_t More) {
  std::string Text;
  for (size_t I = 0; I < Items.size(); ++I)
    Text += (I == 0                               ? ""
             : I + 1 == Items.size() && More == 0 ? " and "
                                                  : ", ") +
            Items[I];
  if (More)
    Text += " and " + std::to_string(More) + " more";
  return Text;
}

} // namespace noalloc
