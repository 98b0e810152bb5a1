//===--- FuzzLaunchResult.cpp - libFuzzer target: `noalloc link` inputs ---===//

#include "ResultCache.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  auto Result = noalloc::parseResult(Text, "fuzz.o.noalloc");
  if (!Result)
    llvm::consumeError(Result.takeError());
  return 0;
}
