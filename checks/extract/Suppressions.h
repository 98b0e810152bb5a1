//===--- Suppressions.h - NOLINT comments, read as clang-tidy reads them --===//
//
// clang-tidy applies NOLINT to the diagnostics it prints. The facts need
// more: a heap site that the user accepted with NOLINT does not propagate to
// callers, and nothing is printed for it. This reads the same comments:
// NOLINT, NOLINTNEXTLINE and NOLINTBEGIN/NOLINTEND, each with an optional
// list of check globs.
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_CHECKS_SUPPRESSIONS_H
#define NOALLOC_CHECKS_SUPPRESSIONS_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace clang {
class SourceManager;
} // namespace clang

namespace noalloc {

class Suppressions {
public:
  explicit Suppressions(const clang::SourceManager &SM) : SM(SM) {}

  /// Whether a NOLINT comment suppresses \p Check at \p Loc (a file
  /// location).
  bool covers(clang::SourceLocation Loc, llvm::StringRef Check);

private:
  struct Block {
    unsigned Begin, End;
    std::string Globs;
  };
  const std::vector<Block> &blocks(clang::FileID File);

  const clang::SourceManager &SM;
  llvm::DenseMap<clang::FileID, std::vector<Block>> Blocks;
};

} // namespace noalloc

#endif // NOALLOC_CHECKS_SUPPRESSIONS_H
