//===--- Baseline.cpp - Accepting today's findings ------------------------===//

#include "Baseline.h"
#include "Reports.h"
#include "ToolOptions.h"
#include "utils/Paths.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"

using namespace clang::tidy;
using namespace llvm;

namespace noalloc {

using cli::Baseline;
using cli::Quiet;
using cli::ReportStaleBaseline;
using cli::WriteBaseline;

/// The directory of the baseline file: paths in it are relative to it, so
/// the same baseline works from any directory.
static std::string baseOf(StringRef File) {
  return sys::path::parent_path(normalizedPath(File)).str();
}

static std::vector<BaselineEntry>
baselineEntries(ArrayRef<ClangTidyError> Findings, SourceFiles &Sources,
                StringRef Base) {
  std::vector<std::string> Prints = fingerprints(Findings, Sources, Base);
  std::vector<BaselineEntry> Entries;
  for (size_t I = 0; I < Findings.size(); ++I) {
    const ClangTidyError &E = Findings[I];
    StringRef File = E.Message.FilePath;
    if (File.consume_front(Base) && sys::path::is_separator(File.front()))
      File = File.drop_front();
    Entries.push_back(
        {Prints[I], sys::path::convert_to_slash(File),
         Sources.position(E.Message.FilePath, E.Message.FileOffset).Line,
         E.DiagnosticName, E.Message.Message});
  }
  return Entries;
}

static std::string identity(const ClangTidyError &E) {
  return E.DiagnosticName + '\0' + E.Message.FilePath + '\0' +
         std::to_string(E.Message.FileOffset) + '\0' + E.Message.Message;
}

/// --report-stale-baseline: the accepted findings that are gone.
static void reportStale(ArrayRef<BaselineEntry> Accepted,
                        const StringSet<> &Matched) {
  unsigned Stale = 0;
  for (const BaselineEntry &E : Accepted) {
    if (Matched.contains(E.Fingerprint))
      continue;
    ++Stale;
    WithColor::note(errs(), "noalloc") << "stale baseline entry: ";
    if (!E.File.empty())
      errs() << E.File << ":" << E.Line << ": " << E.Message << " ["
             << E.Check << "] ";
    errs() << "(" << E.Fingerprint << ")\n";
  }
  errs() << "noalloc: " << Stale
         << (Stale == 1 ? " baseline entry matches" : " baseline entries match")
         << " no finding\n";
}

/// The findings of \p Errors: not the compiler's or configuration
/// diagnostics.
static std::vector<ClangTidyError> findingsOf(ArrayRef<ClangTidyError> Errors) {
  std::vector<ClangTidyError> Findings;
  for (const ClangTidyError &E : Errors)
    if (!StringRef(E.DiagnosticName).starts_with("clang-"))
      Findings.push_back(E);
  return Findings;
}

std::optional<int> recordBaseline(ArrayRef<ClangTidyError> Errors) {
  if (WriteBaseline.empty())
    return std::nullopt;
  SourceFiles Sources;
  if (Error E = writeBaseline(WriteBaseline,
                              baselineEntries(findingsOf(Errors), Sources,
                                              baseOf(WriteBaseline)))) {
    WithColor::error(errs(), "noalloc") << toString(std::move(E)) << "\n";
    return 2;
  }
  return std::nullopt;
}

std::optional<int> applyBaseline(std::vector<ClangTidyError> &Errors) {
  if (Baseline.empty())
    return std::nullopt;
  SourceFiles Sources;
  std::vector<ClangTidyError> Findings = findingsOf(Errors);
  auto Accepted = readBaseline(Baseline);
  if (!Accepted) {
    WithColor::error(errs(), "noalloc")
        << toString(Accepted.takeError()) << "\n";
    return 2;
  }
  StringSet<> AcceptedPrints, Matched;
  for (const BaselineEntry &E : *Accepted)
    AcceptedPrints.insert(E.Fingerprint);
  std::vector<std::string> Prints =
      fingerprints(Findings, Sources, baseOf(Baseline));
  StringSet<> Drop;
  for (size_t I = 0; I < Findings.size(); ++I)
    if (AcceptedPrints.contains(Prints[I])) {
      Drop.insert(identity(Findings[I]));
      Matched.insert(Prints[I]);
    }
  size_t Before = Errors.size();
  llvm::erase_if(Errors, [&](const ClangTidyError &E) {
    return Drop.contains(identity(E));
  });
  if (!Quiet)
    errs() << "noalloc: " << Before - Errors.size()
           << " findings accepted by the baseline\n";
  if (ReportStaleBaseline)
    reportStale(*Accepted, Matched);
  return std::nullopt;
}

} // namespace noalloc
