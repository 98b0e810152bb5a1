//===--- NoallocCheck.h - What every noalloc check shares -----------------===//

#ifndef NOALLOC_CHECKS_NOALLOCCHECK_H
#define NOALLOC_CHECKS_NOALLOCCHECK_H

#include "knowledge/KnowledgeBase.h"
#include "utils/OptionLists.h"
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

  /// StackLimit (local or global): the bytes a fix may put on the stack,
  /// 4096 by default; a negative value is a configuration error.
  unsigned stackLimitOption();

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

} // namespace noalloc

#endif // NOALLOC_CHECKS_NOALLOCCHECK_H
