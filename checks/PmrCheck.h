//===--- PmrCheck.h - noalloc-pmr -----------------------------------------===//

#ifndef NOALLOC_CHECKS_PMRCHECK_H
#define NOALLOC_CHECKS_PMRCHECK_H

#include "HeapObjectCheck.h"

namespace noalloc {

/// Informational: containers that allocate through a std::pmr memory
/// resource or a user-provided allocator. Whether that reaches the heap
/// depends on the resource, which the type does not tell.
class PmrCheck : public HeapObjectCheck {
public:
  using HeapObjectCheck::HeapObjectCheck;

private:
  bool reports(HeapUse Use) const override {
    return Use == HeapUse::MemoryResource || Use == HeapUse::CustomAllocator;
  }
  std::string consequence(const HeapTypeVerdict &V,
                          const clang::ASTContext &Ctx) const override {
    if (V.Use == HeapUse::MemoryResource)
      return "allocates from its memory resource, which may be the heap";
    return "allocates through allocator '" + typeName(V.Allocator, Ctx) + "'";
  }
};

} // namespace noalloc

#endif // NOALLOC_CHECKS_PMRCHECK_H
