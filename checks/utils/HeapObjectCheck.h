//===--- HeapObjectCheck.h - Objects whose type owns heap memory ----------===//

#ifndef NOALLOC_CHECKS_HEAPOBJECTCHECK_H
#define NOALLOC_CHECKS_HEAPOBJECTCHECK_H

#include "knowledge/HeapType.h"
#include "utils/NoallocCheck.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>

namespace noalloc {

/// Finds the places where user code creates objects of a type that owns
/// dynamic memory: variables, members, temporaries, and library calls that
/// return such objects. One finding per object: a variable's initializer is
/// not reported again. Subclasses choose which kind of memory they report.
class HeapObjectCheck : public NoallocCheck {
public:
  using NoallocCheck::NoallocCheck;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  bool isLanguageVersionSupported(const clang::LangOptions &LO) const override {
    return LO.CPlusPlus;
  }
  /// Whether check() could report \p E, from the node alone: the matchers
  /// ask this before whether \p E is in an instantiation, which builds the
  /// unit's ParentIndex.
  bool mayReportConstruction(const clang::CXXConstructExpr &E) const;
  bool mayReportCall(const clang::CallExpr &E) const;

protected:
  /// The verdict for \p T if this check reports it, or None.
  HeapTypeVerdict verdictFor(clang::QualType T) const;
  virtual bool reports(HeapUse Use) const = 0;
  /// What an object of the verdict's type does, after "... of type 'T'".
  virtual std::string consequence(const HeapTypeVerdict &V,
                                  const clang::ASTContext &Ctx) const = 0;
  /// What the variable or member \p Object of a reported type does, after
  /// "... of type 'T'"; none to leave it unreported. By default,
  /// consequence().
  virtual std::optional<std::string>
  objectConsequence(const clang::ValueDecl *Object, const HeapTypeVerdict &V,
                    const clang::ASTContext &Ctx) const {
    return consequence(V, Ctx);
  }
  /// Whether to report calls to knowledge-base std:: functions that
  /// allocate without returning an allocating type (std::make_unique).
  virtual bool reportsLibraryCalls() const { return false; }
  /// Whether to report a variable the library holds in place (an empty
  /// std::vector), which does not use the heap, for a type rule.
  virtual bool reportsHeldInPlace() const { return false; }
  /// Fix-its toward fixed-capacity storage for a reported variable, and
  /// the notes that explain them (or why there is none).
  struct Fix {
    std::vector<clang::FixItHint> Hints;
    std::vector<std::string> Notes;
  };
  virtual Fix fixVariable(const clang::VarDecl *Var,
                          const HeapTypeVerdict &Verdict,
                          clang::ASTContext &Ctx) {
    return {};
  }
  virtual Fix fixLibraryCall(const clang::CallExpr *Call,
                             clang::ASTContext &Ctx) {
    return {};
  }

private:
  /// One handler per node kind the matchers bind.
  void checkVariable(const clang::VarDecl *Var, clang::ASTContext &Ctx);
  void checkField(const clang::FieldDecl *Field, clang::ASTContext &Ctx);
  void checkConstruction(const clang::CXXConstructExpr *Construct,
                         clang::ASTContext &Ctx);
  void checkCall(const clang::CallExpr *Call, const clang::FunctionDecl *Fn,
                 clang::ASTContext &Ctx);
  /// Whether \p Fn is a std:: function the knowledge base says allocates.
  bool isAllocatingStdFunction(const clang::FunctionDecl *Fn) const;
  /// Whether \p Call calls such a function and this check reports it.
  bool reportsLibraryCall(const clang::CallExpr *Call) const;
  /// Whether a link before \p Call in its chain ('os << a << b') is
  /// reported: the chain is one finding, at its first such link.
  bool laterInReportedChain(const clang::CallExpr *Call) const;
  /// A note counting the reported links after \p Call in its chain.
  void noteLaterLinks(const clang::CallExpr *Call, clang::ASTContext &Ctx);
  bool initializesReportedDecl(const clang::Expr *E,
                               clang::ASTContext &Ctx) const;
  void reportLibraryConstruction(const clang::CXXConstructExpr *E,
                                 clang::ASTContext &Ctx);
  /// A variable or member \p Name the library holds in place, reported
  /// only when reportsHeldInPlace().
  void reportHeldInPlace(const clang::ValueDecl *Object, llvm::StringRef Name,
                         clang::ASTContext &Ctx);
  /// Whether \p E makes a temporary the library holds in place
  /// (temporaryHeldInPlace), which is reported at \p Loc only when
  /// reportsHeldInPlace().
  bool makesTemporaryInPlace(const clang::Expr *E, clang::SourceLocation Loc,
                             clang::ASTContext &Ctx);
  /// \p What ('variable 'tag' of type 'std::string'') uses no heap here,
  /// reported only when reportsHeldInPlace().
  void reportHeldInPlace(clang::SourceLocation Loc, const std::string &What,
                         clang::ASTContext &Ctx);

  /// verdictFor by type, and the library functions and constructors seen:
  /// the prefilters ask for every construction and call of user code.
  mutable llvm::DenseMap<void *, HeapTypeVerdict> Verdicts;
  mutable llvm::DenseMap<const clang::Decl *, bool> AllocatingLibraryFunctions;
};

} // namespace noalloc

#endif // NOALLOC_CHECKS_HEAPOBJECTCHECK_H
