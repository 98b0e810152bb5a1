//===--- PmrCheck.h - noalloc-pmr -----------------------------------------===//

#ifndef NOALLOC_CHECKS_PMRCHECK_H
#define NOALLOC_CHECKS_PMRCHECK_H

#include "utils/HeapObjectCheck.h"

namespace noalloc {

/// Informational: containers that allocate through a std::pmr memory
/// resource or a user-provided allocator. Whether that reaches the heap
/// depends on the resource, which the type does not tell.
class PmrCheck : public HeapObjectCheck {
public:
  using HeapObjectCheck::HeapObjectCheck;

private:
  bool reports(HeapUse Use) const override;
  std::string consequence(const HeapTypeVerdict &V,
                          const clang::ASTContext &Ctx) const override;
};

} // namespace noalloc

#endif // NOALLOC_CHECKS_PMRCHECK_H
