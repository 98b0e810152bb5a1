//===--- StdTypeCheck.h - noalloc-std-type --------------------------------===//

#ifndef NOALLOC_CHECKS_STDTYPECHECK_H
#define NOALLOC_CHECKS_STDTYPECHECK_H

#include "HeapObjectCheck.h"

namespace noalloc {

/// Flags objects of standard-library types that use the heap
/// (std::vector, std::string, std::function, ...) and standard functions
/// that allocate (std::make_unique, std::to_string, ...).
class StdTypeCheck : public HeapObjectCheck {
public:
  using HeapObjectCheck::HeapObjectCheck;

private:
  bool reports(HeapUse Use) const override { return Use == HeapUse::Heap; }
  std::string consequence(const HeapTypeVerdict &,
                          const clang::ASTContext &) const override {
    return "allocates on the heap";
  }
  bool reportsLibraryCalls() const override { return true; }
};

} // namespace noalloc

#endif // NOALLOC_CHECKS_STDTYPECHECK_H
