//===--- StdTypeCheck.h - noalloc-std-type --------------------------------===//

#ifndef NOALLOC_CHECKS_STDTYPECHECK_H
#define NOALLOC_CHECKS_STDTYPECHECK_H

#include "clang-tidy/utils/IncludeInserter.h"
#include "utils/HeapObjectCheck.h"

namespace noalloc {

/// Flags objects of standard-library types that use the heap
/// (std::vector, std::string, std::function, ...) and standard functions
/// that allocate (std::make_unique, std::to_string, ...), with fix-its
/// toward fixed-capacity storage where the replacement is evident.
class StdTypeCheck : public HeapObjectCheck {
public:
  StdTypeCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerPPCallbacks(const clang::SourceManager &SM,
                           clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  bool reports(HeapUse Use) const override { return Use == HeapUse::Heap; }
  std::string consequence(const HeapTypeVerdict &,
                          const clang::ASTContext &) const override {
    return "allocates on the heap";
  }
  bool reportsLibraryCalls() const override { return true; }
  bool reportsHeldInPlace() const override { return ReportHeldInPlace; }
  class VariableFix;
  Fix fixVariable(const clang::VarDecl *Var, const HeapTypeVerdict &Verdict,
                  clang::ASTContext &Ctx) override;
  Fix fixLibraryCall(const clang::CallExpr *Call,
                     clang::ASTContext &Ctx) override;
  void checkStringParameter(const clang::ParmVarDecl *Param,
                            clang::ASTContext &Ctx);
  std::optional<clang::FixItHint> include(clang::SourceLocation Where,
                                          llvm::StringRef Header);

  void checkFixTarget();

  /// auto, std, etl, boost, or a library of the user's knowledge base.
  const std::string FixTarget;
  /// Capacity to assume when none is evident; 0: no fix, a note only.
  const unsigned DefaultCapacity;
  /// The largest object a fix-it may move onto the stack, in bytes.
  const unsigned StackLimit;
  /// Report variables the library holds in place too: a MISRA C++:2023
  /// Rule 21.6.1 audit bans the types, whatever the values.
  const bool ReportHeldInPlace;
  clang::tidy::utils::IncludeInserter Inserter;
  clang::Preprocessor *PP = nullptr;
};

} // namespace noalloc

#endif // NOALLOC_CHECKS_STDTYPECHECK_H
