//===--- NewDeleteCheck.h - noalloc-new-delete ----------------------------===//

#ifndef NOALLOC_CHECKS_NEWDELETECHECK_H
#define NOALLOC_CHECKS_NEWDELETECHECK_H

#include "NoallocCheck.h"

namespace noalloc {

/// Flags new- and delete-expressions and explicit calls that use the
/// replaceable global allocation functions. Placement new into caller
/// storage and class-specific operators are not the heap as such: their
/// bodies are analysed like any other function.
class NewDeleteCheck : public NoallocCheck {
public:
  using NoallocCheck::NoallocCheck;
  bool isLanguageVersionSupported(const clang::LangOptions &LO) const override {
    return LO.CPlusPlus;
  }
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
};

} // namespace noalloc

#endif // NOALLOC_CHECKS_NEWDELETECHECK_H
