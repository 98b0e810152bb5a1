//===--- CAllocationCheck.h - noalloc-c-allocation ------------------------===//

#ifndef NOALLOC_CHECKS_CALLOCATIONCHECK_H
#define NOALLOC_CHECKS_CALLOCATIONCHECK_H

#include "utils/NoallocCheck.h"
#include <optional>
#include <string>

namespace noalloc {
struct FunctionEntry;

/// Flags calls to the C and POSIX functions (and the user's own, from the
/// knowledge base) that allocate, reallocate or release heap memory.
class CAllocationCheck : public NoallocCheck {
public:
  CAllocationCheck(llvm::StringRef Name,
                   clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  /// What the call is reported for, none when it is not reported.
  std::optional<std::string> message(const clang::CallExpr &Call,
                                     const FunctionEntry &Entry,
                                     llvm::StringRef Culprit,
                                     clang::ASTContext &Ctx) const;
  std::optional<std::string> allocationMessage(const clang::CallExpr &Call,
                                               const FunctionEntry &Entry,
                                               llvm::StringRef Culprit,
                                               clang::ASTContext &Ctx) const;
  std::optional<std::string> mayAllocateMessage(const clang::CallExpr &Call,
                                                const FunctionEntry &Entry,
                                                llvm::StringRef Culprit) const;

  /// Also report functions that allocate only on first use or for unusual
  /// arguments (the printf family); off by default, see the docs.
  const bool ReportMayAllocate;
  /// The largest local array a fix-it may put on the stack, in bytes.
  const unsigned StackLimit;
};

} // namespace noalloc

#endif // NOALLOC_CHECKS_CALLOCATIONCHECK_H
