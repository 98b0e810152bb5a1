//===--- NewDeleteCheck.h - noalloc-new-delete ----------------------------===//

#ifndef NOALLOC_CHECKS_NEWDELETECHECK_H
#define NOALLOC_CHECKS_NEWDELETECHECK_H

#include "utils/NoallocCheck.h"

namespace noalloc {

/// Flags new- and delete-expressions and explicit calls that use the
/// replaceable global allocation functions. Placement new into caller
/// storage and class-specific operators are not the heap as such: their
/// bodies are analysed like any other function.
class NewDeleteCheck : public NoallocCheck {
public:
  NewDeleteCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  bool isLanguageVersionSupported(const clang::LangOptions &LO) const override {
    return LO.CPlusPlus;
  }
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  /// The largest object a fix-it may move onto the stack, in bytes.
  const unsigned StackLimit;
};

} // namespace noalloc

#endif // NOALLOC_CHECKS_NEWDELETECHECK_H
