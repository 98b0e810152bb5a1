//===--- JoinFindings.cpp - One list of findings from many units ----------===//

#include "JoinFindings.h"
#include "utils/Paths.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Path.h"
#include <numeric>
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
  // Positions are sorted, not the findings, which are large to move; of
  // equal findings the first stays: the position breaks ties.
  std::vector<size_t> Order(Errors.size());
  std::iota(Order.begin(), Order.end(), size_t(0));
  llvm::sort(Order, [&](size_t A, size_t B) {
    auto KeyA = identity(Errors[A]), KeyB = identity(Errors[B]);
    return KeyA < KeyB || (KeyA == KeyB && A < B);
  });
  std::vector<ClangTidyError> Sorted;
  Sorted.reserve(Errors.size());
  for (size_t I : Order)
    if (Sorted.empty() || identity(Sorted.back()) != identity(Errors[I]))
      Sorted.push_back(std::move(Errors[I]));
  Errors = std::move(Sorted);
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
