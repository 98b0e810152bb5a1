//===--- NoallocCheck.h - What every noalloc check shares -----------------===//

#ifndef NOALLOC_CHECKS_NOALLOCCHECK_H
#define NOALLOC_CHECKS_NOALLOCCHECK_H

#include "KnowledgeBase.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace noalloc {

/// A clang-tidy check with access to the knowledge base and a reporting
/// helper that puts each finding where the user wrote the code.
class NoallocCheck : public clang::tidy::ClangTidyCheck {
public:
  NoallocCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

protected:
  /// Null when the knowledge base failed to load (a configuration error has
  /// been reported then).
  const KnowledgeBase *knowledge() const { return Knowledge.get(); }
  const std::vector<std::string> &knowledgeFiles() const { return Files; }

  /// Reports \p Message (plain text, no format arguments) at \p Loc. A
  /// location inside a macro body moves to the macro's use, with a note at
  /// the definition, so the finding points at the line to change.
  void report(clang::SourceLocation Loc, const clang::SourceManager &SM,
              llvm::StringRef Message,
              llvm::ArrayRef<clang::FixItHint> Fixes = {});

private:
  std::string KnowledgeFiles;
  std::vector<std::string> Files;
  std::shared_ptr<const KnowledgeBase> Knowledge;
};

/// The items of a ';'-separated option value, trimmed, empty ones dropped.
std::vector<std::string> splitOptionList(llvm::StringRef List);

/// The name a user would write for \p D: qualified, without inline
/// namespaces such as std::__cxx11.
std::string qualifiedName(const clang::NamedDecl *D);

/// The nearest parent of \p E that is not parentheses or an implicit
/// conversion (array decay excepted); \p E becomes the last node skipped.
clang::DynTypedNode parentSkippingConversions(const clang::Expr *&E,
                                              clang::ASTContext &Ctx);

/// Whether \p E is certainly not a null pointer: an array, an address, a
/// string literal.
bool isCertainlyNonNull(const clang::Expr *E);

/// True if \p D belongs to an implicit template instantiation, whose code the
/// user did not write as such.
bool isInInstantiation(const clang::Decl *D);

} // namespace noalloc

#endif // NOALLOC_CHECKS_NOALLOCCHECK_H
