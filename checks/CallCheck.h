//===--- CallCheck.h - noalloc-call ---------------------------------------===//

#ifndef NOALLOC_CHECKS_CALLCHECK_H
#define NOALLOC_CHECKS_CALLCHECK_H

#include "report/HeapReport.h"
#include "utils/NoallocCheck.h"
#include <optional>

namespace noalloc {

/// Flags calls whose callee may reach the heap, with the path down to the
/// allocation: at most one per function by default. In clang-tidy it links
/// the facts of its translation unit (and of FactsDirectory); the noalloc
/// tool extracts and links the facts of the whole program itself and
/// reports from the linked result.
class CallCheck : public NoallocCheck {
public:
  CallCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerPPCallbacks(const clang::SourceManager &SM,
                           clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

  /// Whether the check option \p Key set to \p Value changes no
  /// translation unit's result in the noalloc tool: an option of the link
  /// and its report (which functions are roots, the allowed zones, the
  /// policy), with a value this check accepts. The tool leaves these out of
  /// each unit's cache key; an option that a check reads while the unit is
  /// parsed must not be one.
  static bool isLinkTimeOption(llvm::StringRef Key, llvm::StringRef Value);

protected:
  /// Which findings of the linked program this check reports.
  virtual std::vector<CallFinding>
  findings(const HeapGraph &Graph, const ReportOptions &Options) const;

private:
  /// The facts of the other units in FactsDirectory; none (errors
  /// reported) when one was analysed with other knowledge than \p Main has.
  std::optional<std::vector<TranslationUnitFacts>>
  factsDirectoryUnits(llvm::StringRef Main, llvm::StringRef Root);
  void reportInThisUnit(const std::vector<CallFinding> &Findings,
                        clang::SourceManager &SM);

  clang::tidy::ClangTidyContext *Context;
  std::string Policy, FailurePaths, Roots, AllowedZones;
  /// In clang-tidy: where an earlier `noalloc --facts-dir` left the facts
  /// of the other translation units.
  std::string FactsDirectory;
  /// 'auto', 'true' or 'false' (LinkOptions::WholeProgram).
  std::string WholeProgram;
  bool ReportEveryCall;
  /// The translation unit being matched, until its end.
  clang::ASTContext *Unit = nullptr;
  /// Its preprocessor: where its header search found the system's headers.
  clang::Preprocessor *PP = nullptr;
};

} // namespace noalloc

#endif // NOALLOC_CHECKS_CALLCHECK_H
