//===--- FuzzBaseline.cpp - libFuzzer target: baselines -------------------===//
//
// Baselines are read from a path: each input is written to a file first.
//
//===----------------------------------------------------------------------===//

#include "Reports.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  static std::string Path = [] {
    llvm::SmallString<128> P;
    llvm::sys::fs::createTemporaryFile("noalloc-fuzz-baseline", "json", P);
    return std::string(P);
  }();
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    OS.write(reinterpret_cast<const char *>(Data), Size);
  }
  auto Baseline = noalloc::readBaseline(Path);
  if (!Baseline)
    llvm::consumeError(Baseline.takeError());
  return 0;
}
