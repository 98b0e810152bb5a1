//===--- FuzzConfig.cpp - libFuzzer target: .noalloc.yaml -----------------===//

#include "NoallocConfig.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  auto Parsed =
      noalloc::parseNoallocConfig(llvm::MemoryBufferRef(Text, "/fuzz/.noalloc.yaml"));
  if (!Parsed)
    llvm::consumeError(Parsed.takeError());
  return 0;
}
