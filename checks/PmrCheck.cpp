//===--- PmrCheck.cpp - noalloc-pmr ---------------------------------------===//

#include "PmrCheck.h"

namespace noalloc {

bool PmrCheck::reports(HeapUse Use) const {
  return Use == HeapUse::MemoryResource || Use == HeapUse::CustomAllocator;
}

std::string PmrCheck::consequence(const HeapTypeVerdict &V,
                                  const clang::ASTContext &Ctx) const {
  if (V.Use == HeapUse::MemoryResource)
    return "allocates from its memory resource, which may be the heap";
  return "allocates through allocator '" + typeName(V.Allocator, Ctx) + "'";
}

} // namespace noalloc
