//===--- FuzzBaseline.cpp - libFuzzer target: baselines -------------------===//

#include "Reports.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  auto Baseline = noalloc::parseBaseline(
      llvm::StringRef(reinterpret_cast<const char *>(Data), Size), "input");
  if (!Baseline)
    llvm::consumeError(Baseline.takeError());
  return 0;
}
