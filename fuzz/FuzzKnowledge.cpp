//===--- FuzzKnowledge.cpp - libFuzzer target: knowledge-base YAML --------===//

#include "knowledge/KnowledgeBase.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  noalloc::KnowledgeBase KB;
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  llvm::consumeError(KB.addYAML(Text, "fuzz.yaml"));
  return 0;
}
