//===--- Baseline.cpp - Accepting today's findings ------------------------===//

#include "Baseline.h"
#include "Reports.h"
#include "ToolOptions.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"

using namespace clang::tidy;
using namespace llvm;

namespace noalloc {

using cli::Baseline;
using cli::Quiet;
using cli::WriteBaseline;

std::optional<int> applyBaseline(std::vector<ClangTidyError> &Errors) {
  if (WriteBaseline.empty() && Baseline.empty())
    return std::nullopt;
  SourceFiles Sources;
  std::vector<ClangTidyError> Findings;
  for (ClangTidyError &E : Errors)
    if (!StringRef(E.DiagnosticName).starts_with("clang-"))
      Findings.push_back(E);
  // Paths in fingerprints are relative to the baseline file, so the same
  // baseline works from any directory.
  auto BaseOf = [](StringRef File) {
    SmallString<256> Dir(File);
    sys::fs::make_absolute(Dir);
    sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
    return std::string(sys::path::parent_path(Dir));
  };
  if (!WriteBaseline.empty())
    if (Error E =
            writeBaseline(WriteBaseline, fingerprints(Findings, Sources,
                                                      BaseOf(WriteBaseline)))) {
      WithColor::error(errs(), "noalloc") << toString(std::move(E)) << "\n";
      return 2;
    }
  if (Baseline.empty())
    return std::nullopt;
  auto Accepted = readBaseline(Baseline);
  if (!Accepted) {
    WithColor::error(errs(), "noalloc")
        << toString(Accepted.takeError()) << "\n";
    return 2;
  }
  std::vector<std::string> Prints =
      fingerprints(Findings, Sources, BaseOf(Baseline));
  StringSet<> Drop;
  for (size_t I = 0; I < Findings.size(); ++I)
    if (Accepted->contains(Prints[I]))
      Drop.insert(Findings[I].DiagnosticName + '\0' +
                  Findings[I].Message.FilePath + '\0' +
                  std::to_string(Findings[I].Message.FileOffset) + '\0' +
                  Findings[I].Message.Message);
  size_t Before = Errors.size();
  llvm::erase_if(Errors, [&](const ClangTidyError &E) {
    return Drop.contains(E.DiagnosticName + '\0' + E.Message.FilePath + '\0' +
                         std::to_string(E.Message.FileOffset) + '\0' +
                         E.Message.Message);
  });
  if (!Quiet)
    errs() << "noalloc: " << Before - Errors.size()
           << " findings accepted by the baseline\n";
  return std::nullopt;
}

} // namespace noalloc
