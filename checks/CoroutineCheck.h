//===--- CoroutineCheck.h - noalloc-coroutine -----------------------------===//

#ifndef NOALLOC_CHECKS_COROUTINECHECK_H
#define NOALLOC_CHECKS_COROUTINECHECK_H

#include "utils/NoallocCheck.h"

namespace noalloc {

/// Flags coroutines whose frame is allocated with the global operator new.
/// A promise type with its own operator new takes the frame from there, and
/// that operator's body is analysed like any other function.
class CoroutineCheck : public NoallocCheck {
public:
  using NoallocCheck::NoallocCheck;
  bool isLanguageVersionSupported(const clang::LangOptions &LO) const override {
    return LO.CPlusPlus20;
  }
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
};

} // namespace noalloc

#endif // NOALLOC_CHECKS_COROUTINECHECK_H
