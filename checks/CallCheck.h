//===--- CallCheck.h - noalloc-call ---------------------------------------===//

#ifndef NOALLOC_CHECKS_CALLCHECK_H
#define NOALLOC_CHECKS_CALLCHECK_H

#include "link/HeapGraph.h"
#include "utils/NoallocCheck.h"

namespace noalloc {

/// Flags calls whose callee may reach the heap, with the chain of calls
/// down to the allocation. In clang-tidy it sees one translation unit; the
/// noalloc tool links the facts of the whole program.
class CallCheck : public NoallocCheck {
public:
  CallCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

protected:
  /// Which findings of the linked graph this check reports.
  virtual std::vector<CallFinding> findings(const HeapGraph &Graph) const {
    return Graph.callFindings();
  }
  virtual void markEnabled(struct FactSink &Sink) const;

private:
  std::string Policy, Roots, AllowedZones;
  /// In clang-tidy: where an earlier `noalloc --facts-dir` left the facts
  /// of the other translation units.
  std::string FactsDirectory;
  LinkOptions Link;
  /// The translation unit being matched, until its end.
  clang::ASTContext *Unit = nullptr;
};

} // namespace noalloc

#endif // NOALLOC_CHECKS_CALLCHECK_H
