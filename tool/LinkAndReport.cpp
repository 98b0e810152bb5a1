//===--- LinkAndReport.cpp - The link step --------------------------------===//
//
// Moved verbatim from NoallocMain.cpp; the core owner rewrites it.
//
//===----------------------------------------------------------------------===//

#include "LinkAndReport.h"
#include "JoinFindings.h"
#include "ToolOptions.h"
#include "knowledge/KnowledgeBase.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/xxhash.h"
#include <chrono>

using namespace clang;
using namespace clang::tidy;
using namespace llvm;
using noalloc::cli::Explain;
using noalloc::cli::FactsDir;
using noalloc::cli::Stats;
using noalloc::sortAndDeduplicate;

/// Writes \p Text as the facts of \p MainFile into --facts-dir, whole or
/// not at all.
static bool writeFacts(StringRef MainFile, StringRef Text) {
  if (std::error_code EC = sys::fs::create_directories(FactsDir)) {
    WithColor::error(errs(), "noalloc")
        << "cannot create '" << FactsDir << "': " << EC.message() << "\n";
    return false;
  }
  SmallString<256> Absolute(MainFile);
  sys::fs::make_absolute(Absolute);
  SmallString<256> Path(FactsDir);
  sys::path::append(Path, sys::path::filename(MainFile) + "." +
                              utohexstr(xxh3_64bits(Absolute)) + ".facts.json");
  if (Error E = writeToOutput(Path, [&](raw_ostream &OS) {
        OS << Text;
        return Error::success();
      })) {
    WithColor::error(errs(), "noalloc") << toString(std::move(E)) << "\n";
    return false;
  }
  return true;
}

static tooling::DiagnosticMessage message(const std::string &Text,
                                          const noalloc::SourcePoint &Where) {
  tooling::DiagnosticMessage M;
  M.Message = Text;
  M.FilePath = Where.File;
  M.FileOffset = Where.Offset;
  return M;
}

/// Links the facts of all translation units, adds the findings of
/// noalloc-call and noalloc-unknown-call to \p Errors, and drops direct
/// findings in allowed zones or, with roots, outside the roots' reach.
/// Returns an exit status when the run ends here (--explain).
std::optional<int>
linkAndReport(std::vector<noalloc::TranslationUnitResult> &Results,
              const noalloc::RunOptions &Options,
              std::vector<ClangTidyError> &Errors,
              std::unique_ptr<noalloc::HeapGraph> &LinkedGraph) {
  std::vector<noalloc::TranslationUnitFacts> Units;
  noalloc::LinkOptions Link;
  bool CallEnabled = false, UnknownEnabled = false;
  size_t FactBytes = 0;
  for (noalloc::TranslationUnitResult &R : Results) {
    CallEnabled |= R.Facts.CallCheckEnabled;
    UnknownEnabled |= R.Facts.UnknownCallCheckEnabled;
    if (R.Facts.Facts) {
      Link = R.Facts.Link;
      if (Stats || !FactsDir.empty()) {
        std::string Text;
        raw_string_ostream OS(Text);
        OS << noalloc::toJSON(*R.Facts.Facts);
        FactBytes += Text.size();
        if (!FactsDir.empty() && !writeFacts(R.MainFile, Text))
          return 2;
      }
      Units.push_back(std::move(*R.Facts.Facts));
    }
  }
  size_t UnitCount = Units.size();
  auto LinkStart = std::chrono::steady_clock::now();
  if (Units.empty()) {
    if (Explain.empty())
      return std::nullopt;
    WithColor::error(errs(), "noalloc")
        << "--explain needs noalloc-call enabled\n";
    return 2;
  }
  auto KB = noalloc::KnowledgeBase::get(Link.KnowledgeFiles);
  if (!KB) {
    WithColor::error(errs(), "noalloc") << toString(KB.takeError()) << "\n";
    return 2;
  }
  LinkedGraph =
      std::make_unique<noalloc::HeapGraph>(std::move(Units), **KB, Link);
  noalloc::HeapGraph &Graph = *LinkedGraph;
  auto Report = [&] {
    if (!Stats)
      return;
    double Seconds = std::chrono::duration<double>(
                         std::chrono::steady_clock::now() - LinkStart)
                         .count();
    errs() << "noalloc: link and report: " << format("%.3f", Seconds)
           << " s; facts: " << UnitCount << " translation units, "
           << (UnitCount ? FactBytes / UnitCount : 0)
           << " bytes each on average (JSON)\n";
  };
  if (!Explain.empty()) {
    if (!Graph.explain(Explain, outs())) {
      WithColor::error(errs(), "noalloc")
          << "no function defined in the analysed code matches '" << Explain
          << "'\n";
      return 2;
    }
    return 0;
  }

  llvm::erase_if(Errors, [&](const ClangTidyError &E) {
    if (StringRef(E.DiagnosticName).starts_with("clang-"))
      return false;
    noalloc::SourcePoint P;
    P.File = E.Message.FilePath;
    P.Offset = E.Message.FileOffset;
    return !Graph.isReported(P);
  });

  std::vector<noalloc::CallFinding> Findings;
  if (CallEnabled)
    Findings = Graph.callFindings();
  if (UnknownEnabled)
    llvm::append_range(Findings, Graph.unknownCallFindings());
  Report();
  for (const noalloc::CallFinding &F : Findings) {
    ClangTidyError E(F.Check, ClangTidyError::Warning, "", false);
    E.Message = message(F.Message, F.Where);
    for (const noalloc::ChainStep &Step : F.Notes)
      E.Notes.push_back(message(Step.Message, Step.Where));
    Errors.push_back(std::move(E));
  }
  // A header's call findings arrive from every unit that includes it.
  sortAndDeduplicate(Errors);
  return std::nullopt;
}

