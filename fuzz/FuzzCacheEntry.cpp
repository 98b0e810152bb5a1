//===--- FuzzCacheEntry.cpp - libFuzzer target: result-cache entries ------===//

#include "ResultCache.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  static noalloc::ResultCache Cache("");
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  if (auto Result = Cache.fromEntry(Text))
    (void)Cache.toEntry(*Result);
  return 0;
}
