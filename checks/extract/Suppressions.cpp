//===--- Suppressions.cpp - NOLINT, as clang-tidy reads it ----------------===//

#include "extract/Suppressions.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Tooling/Core/Diagnostic.h"
#include "llvm/ADT/SmallVector.h"
#include <algorithm>
#include <optional>

using namespace clang;

namespace noalloc {

bool Suppressions::mayBeCovered(SourceLocation Loc) {
  // A macro's location: the handler reads each file of its expansion.
  if (!Loc.isFileID())
    return true;
  if (Loc != LastAsked) {
    LastAsked = Loc;
    LastAnswer = mayBeCoveredText(Loc);
  }
  return LastAnswer;
}

bool Suppressions::mayBeCoveredText(SourceLocation Loc) {
  const SourceManager &SM = Diags.getSourceManager();
  auto [File, Offset] = SM.getDecomposedLoc(Loc);
  auto [It, New] = Files.try_emplace(File);
  FileText &F = It->second;
  if (New)
    if (std::optional<StringRef> Text = SM.getBufferDataOrNone(File)) {
      F.Text = *Text;
      F.HasNoLint = Text->contains("NOLINT");
      F.HasBlocks = Text->contains("NOLINTBEGIN");
    }
  if (!F.HasNoLint || F.HasBlocks)
    return F.HasNoLint;
  // The lines the handler reads: this one (NOLINT) and the one before it
  // (NOLINTNEXTLINE), found as it finds them.
  StringRef Text = F.Text;
  size_t Start = Text.find_last_of('\n', Offset) + 1;
  size_t End = std::min(Text.find('\n', Offset), Text.size());
  if (Start > 0)
    Start = Text.find_last_of('\n', Start - 1) + 1;
  return Text.slice(Start, End).contains("NOLINT");
}

bool Suppressions::suppresses(SourceLocation Loc, StringRef Check) {
  // The handler looks at a diagnostic's location only; an empty warning
  // at the place in question asks the question.
  return Probe.ask(Loc, [&](const Diagnostic &Empty) {
    // Malformed NOLINT comments are clang-tidy's to report, once.
    llvm::SmallVector<tooling::Diagnostic, 1> Ignored;
    return Handler.shouldSuppress(DiagnosticsEngine::Warning, Empty, Check,
                                  Ignored, /*AllowIO=*/true,
                                  /*EnableNoLintBlocks=*/true);
  });
}

bool Suppressions::covers(SourceLocation Loc, StringRef Check) {
  if (Loc.isInvalid() || !mayBeCovered(Loc))
    return false;
  // A bare NOLINT (or NOLINT(*)) hides every check's warning on its line,
  // as clang-tidy reads it, but it was not written about the heap: vendored
  // code has them for other tools. Only one that names noalloc's check
  // accepts the site for its callers.
  return suppresses(Loc, Check) && !suppresses(Loc, "any-other-check");
}

} // namespace noalloc
