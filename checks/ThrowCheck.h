//===--- ThrowCheck.h - noalloc-throw -------------------------------------===//

#ifndef NOALLOC_CHECKS_THROWCHECK_H
#define NOALLOC_CHECKS_THROWCHECK_H

#include "utils/NoallocCheck.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseSet.h"

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

private:
  /// The places of the throws reported. Each instantiation of a template
  /// matches its throw again (rapidjson's documenttest.cpp: 1,439 matches,
  /// 236 findings), and of the findings of one check with one message at
  /// one place clang-tidy keeps the first, notes and all
  /// (ClangTidyDiagnosticConsumer::take): a throw reported already is not
  /// reported again.
  llvm::DenseSet<clang::SourceLocation> Reported;
};

} // namespace noalloc

#endif // NOALLOC_CHECKS_THROWCHECK_H
