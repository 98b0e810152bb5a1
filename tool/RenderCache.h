//===--- RenderCache.h - One file's findings as text, kept ----------------===//
//
// Rendering the findings with clang's TextDiagnostic (a snippet of each
// line, character by character) is the largest part of a warm run whose
// whole output cannot be replayed (ReportCache.h: a unit changed, or the
// output is not kept). The text of one file's findings is a function of
// the findings (checks, levels, messages, places, ranges, fix-its, notes,
// build directories), the working directory, the noalloc binary and the
// contents of the files they name. Kept in the cache directory under a
// hash of all that, it is printed again instead of rendered. Not with
// colours, nor without a result cache.
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_TOOL_RENDERCACHE_H
#define NOALLOC_TOOL_RENDERCACHE_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace noalloc {

class ResultCache;

class RenderCache {
public:
  /// The kept texts of a run whose units are cached in \p Units, for the
  /// binary and knowledge \p Fingerprint names.
  RenderCache(ResultCache &Units, llvm::StringRef Fingerprint);

  /// Prints \p Errors, the findings of one file, as \p Render prints them
  /// to standard output: their kept text, or rendered and kept.
  void print(llvm::ArrayRef<clang::tidy::ClangTidyError> Errors,
             llvm::function_ref<void()> Render);

private:
  std::optional<std::string>
  key(llvm::ArrayRef<clang::tidy::ClangTidyError> Errors);

  ResultCache &Units;
  std::string Fingerprint;
  std::string Directory;
  std::string WorkingDirectory;
};

} // namespace noalloc

#endif // NOALLOC_TOOL_RENDERCACHE_H
