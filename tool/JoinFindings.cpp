//===--- JoinFindings.cpp - One list of findings from many units ----------===//

#include "JoinFindings.h"
#include "utils/Paths.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Path.h"
#include <set>
#include <tuple>

using namespace clang;
using namespace clang::tidy;
using namespace llvm;

namespace noalloc {

/// A header seen from two build directories must still be one file.
static void makeAbsolute(tooling::DiagnosticMessage &Message,
                         StringRef BuildDirectory) {
  if (!Message.FilePath.empty())
    Message.FilePath = normalizedPath(Message.FilePath, BuildDirectory);
  if (Message.Fix.empty())
    return;
  // The fix-its too: the same header's fix must match from every unit.
  StringMap<tooling::Replacements> Fixes;
  for (const auto &[File, Replacements] : Message.Fix)
    for (const tooling::Replacement &R : Replacements) {
      tooling::Replacement Absolute(
          normalizedPath(R.getFilePath(), BuildDirectory), R.getOffset(),
          R.getLength(), R.getReplacementText());
      consumeError(Fixes[Absolute.getFilePath()].add(Absolute));
    }
  Message.Fix = std::move(Fixes);
}

static auto identity(const ClangTidyError &E) {
  return std::tie(E.Message.FilePath, E.Message.FileOffset, E.DiagnosticName,
                  E.Message.Message);
}

void sortAndDeduplicate(std::vector<ClangTidyError> &Errors) {
  std::set<std::tuple<std::string, unsigned, std::string, std::string>> Seen;
  llvm::erase_if(Errors, [&](const ClangTidyError &E) {
    return !Seen.insert(identity(E)).second;
  });
  // What is left is unique under this order: llvm::sort is deterministic.
  llvm::sort(Errors, [](const ClangTidyError &A, const ClangTidyError &B) {
    return identity(A) < identity(B);
  });
}

std::vector<ClangTidyError>
joinTranslationUnits(std::vector<TranslationUnitResult> &Results) {
  std::vector<ClangTidyError> Joined;
  for (TranslationUnitResult &R : Results)
    for (ClangTidyError &E : R.Diagnostics) {
      makeAbsolute(E.Message, E.BuildDirectory);
      for (tooling::DiagnosticMessage &Note : E.Notes)
        makeAbsolute(Note, E.BuildDirectory);
      Joined.push_back(std::move(E));
    }
  sortAndDeduplicate(Joined);
  return Joined;
}

} // namespace noalloc
