//===--- FuzzFacts.cpp - libFuzzer target: facts JSON ---------------------===//

#include "facts/Facts.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  auto Facts = noalloc::factsFromJSON(Text);
  if (!Facts) {
    llvm::consumeError(Facts.takeError());
    return 0;
  }
  // What is read back is written again, as --facts-dir does.
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << noalloc::toJSON(*Facts);
  return 0;
}
