//===--- ThrowCheck.h - noalloc-throw -------------------------------------===//

#ifndef NOALLOC_CHECKS_THROWCHECK_H
#define NOALLOC_CHECKS_THROWCHECK_H

#include "utils/NoallocCheck.h"

namespace noalloc {

/// Flags throw-expressions: the Itanium C++ ABI allocates the exception
/// object with __cxa_allocate_exception, which calls malloc. A bare
/// 'throw;' rethrows the existing object and does not allocate. An
/// Objective-C '@throw' allocates the runtime's header, a rethrow too.
class ThrowCheck : public NoallocCheck {
public:
  using NoallocCheck::NoallocCheck;
  bool isLanguageVersionSupported(const clang::LangOptions &LO) const override {
    return LO.CPlusPlus || LO.ObjC;
  }
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
};

} // namespace noalloc

#endif // NOALLOC_CHECKS_THROWCHECK_H
