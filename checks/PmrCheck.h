//===--- PmrCheck.h - noalloc-pmr -----------------------------------------===//

#ifndef NOALLOC_CHECKS_PMRCHECK_H
#define NOALLOC_CHECKS_PMRCHECK_H

#include "utils/HeapObjectCheck.h"

namespace noalloc {

/// Informational: containers that allocate through a std::pmr memory
/// resource or a user-provided allocator. Whether that reaches the heap
/// depends on the resource, which the type does not tell; a variable over a
/// bounded resource (a fixed buffer, null_memory_resource() upstream) does
/// only when the buffer runs out (std::bad_alloc, which noalloc-call
/// reports as a failure path), and is listed only with ReportBounded.
class PmrCheck : public HeapObjectCheck {
public:
  PmrCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

private:
  bool reports(HeapUse Use) const override;
  std::string consequence(const HeapTypeVerdict &V,
                          const clang::ASTContext &Ctx) const override;
  std::optional<std::string>
  objectConsequence(const clang::ValueDecl *Object, const HeapTypeVerdict &V,
                    const clang::ASTContext &Ctx) const override;

  /// Also list variables and members over a bounded memory resource; off
  /// by default.
  const bool ReportBounded;
};

} // namespace noalloc

#endif // NOALLOC_CHECKS_PMRCHECK_H
