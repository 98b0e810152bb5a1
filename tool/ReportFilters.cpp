//===--- ReportFilters.cpp - clang-tidy's filters over the whole report ---===//

#include "ReportFilters.h"
#include "Reports.h"
#include "JoinFindings.h"
#include "utils/Paths.h"
#include "clang-tidy/GlobList.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Regex.h"

using namespace clang::tidy;
using namespace llvm;

namespace noalloc {

static bool isFinding(const ClangTidyError &E) {
  return !StringRef(E.DiagnosticName).starts_with("clang-");
}

/// clang-tidy's rule: the first filter whose name ends the path decides.
static bool passesLineFilter(const ClangTidyGlobalOptions &Global,
                             StringRef File, unsigned Line) {
  for (const FileFilter &Filter : Global.LineFilter) {
    if (!File.ends_with(Filter.Name))
      continue;
    if (Filter.LineRanges.empty())
      return true;
    for (const FileFilter::LineRange &Range : Filter.LineRanges)
      if (Range.first <= Line && Line <= Range.second)
        return true;
    return false;
  }
  return false;
}

void applyLineFilter(std::vector<ClangTidyError> &Errors,
                     const ClangTidyGlobalOptions &Global) {
  if (Global.LineFilter.empty())
    return;
  SourceFiles Sources;
  llvm::erase_if(Errors, [&](const ClangTidyError &E) {
    if (!isFinding(E))
      return false;
    SourceFiles::Position P =
        Sources.position(E.Message.FilePath, E.Message.FileOffset);
    return !passesLineFilter(Global, E.Message.FilePath, P.Line);
  });
}

void applyHeaderFilters(std::vector<ClangTidyError> &Errors,
                        const RunOptions &Options,
                        ArrayRef<std::string> MainFiles) {
  ClangTidyOptions Effective =
      makeOptionsProvider(Options)->getOptions(MainFiles.front());
  Regex Include(Effective.HeaderFilterRegex.value_or(""));
  Regex Exclude(Effective.ExcludeHeaderFilterRegex.value_or(""));
  bool Excluding = !Effective.ExcludeHeaderFilterRegex.value_or("").empty();
  StringSet<> Mains;
  for (const std::string &F : MainFiles)
    Mains.insert(normalizedPath(F));
  // The regular expressions once per file, not once per finding.
  StringMap<bool> Filtered;
  llvm::erase_if(Errors, [&](const ClangTidyError &E) {
    StringRef File = E.Message.FilePath;
    if (!isFinding(E) || File.empty() || Mains.contains(File))
      return false;
    auto [It, New] = Filtered.try_emplace(File, false);
    if (New)
      It->second = !Include.match(File) || (Excluding && Exclude.match(File));
    return It->second;
  });
}

unsigned markWarningsAsErrors(std::vector<ClangTidyError> &Errors,
                              const RunOptions &Options, StringRef AnyFile) {
  ClangTidyOptions Effective =
      makeOptionsProvider(Options)->getOptions(AnyFile);
  if (!Effective.WarningsAsErrors || Effective.WarningsAsErrors->empty())
    return 0;
  GlobList AsErrors(*Effective.WarningsAsErrors);
  unsigned Count = 0;
  for (ClangTidyError &E : Errors)
    if (isFinding(E) && AsErrors.contains(E.DiagnosticName)) {
      E.DiagLevel = ClangTidyError::Error;
      E.IsWarningAsError = true;
      ++Count;
    }
  return Count;
}

} // namespace noalloc
