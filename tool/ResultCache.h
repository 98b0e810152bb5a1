//===--- ResultCache.h - Translation units that need no parse -------------===//
//
// What one translation unit contributes to a run (its findings and its
// facts) is stored under a key made of everything that determines it: the
// compile command, the effective options (but the link's own: which
// functions are roots, the policy), the knowledge base and the noalloc
// binary. The entry also lists every file the parse read with a hash of its
// contents, so an edited header invalidates every unit that includes it, and
// every path the parse looked for and did not find, so a header that appears
// earlier on the include path (or turns a '__has_include' true) invalidates
// the units that would read it. A unit that does not compile is kept too,
// and replayed as failing. An entry is in the compact form (ByteCoding.h,
// CompactFacts.h), read in one pass; the launcher's results are a line of
// JSON, then the facts in the compact form. A stale or unreadable entry is
// a miss; entries are written whole (temporary file and rename), so
// concurrent runs are safe.
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_TOOL_RESULTCACHE_H
#define NOALLOC_TOOL_RESULTCACHE_H

#include "TranslationUnitAnalysis.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/JSON.h"
#include <mutex>
#include <optional>

namespace noalloc {

class ResultCache {
public:
  explicit ResultCache(std::string Directory);

  /// The default directory: $XDG_CACHE_HOME/noalloc or ~/.cache/noalloc.
  static std::string defaultDirectory();

  /// The result stored under \p Key if every file it read is unchanged.
  std::optional<TranslationUnitResult> lookup(llvm::StringRef Key);
  /// The result an entry's text holds if every file it read is unchanged.
  std::optional<TranslationUnitResult> fromEntry(llvm::StringRef Text);
  /// Stores \p Result; a unit that did not compile too, unless a file it
  /// includes was not found.
  void store(llvm::StringRef Key, const TranslationUnitResult &Result);

  /// The stored form of \p Result, with the hash of every file it read
  /// (none if one cannot be read).
  std::optional<std::string> toEntry(const TranslationUnitResult &Result);

  /// Whether an entry is stored under \p Key, fresh or not.
  bool hasEntry(llvm::StringRef Key) const;
  /// The hash of \p Path's contents, computed once per run; none if it is
  /// not a regular file that can be read.
  std::optional<uint64_t> contentHash(llvm::StringRef Path);
  /// Whether nothing is at \p Path, checked once per run.
  bool stillAbsent(llvm::StringRef Path);
  /// Whether \p Result can be replayed while the files it read are the
  /// same (what store() keeps).
  static bool replayable(const TranslationUnitResult &Result);
  llvm::StringRef directory() const { return Directory; }

private:
  std::string entryPath(llvm::StringRef Key) const;

  std::string Directory;
  std::mutex Mutex;
  /// Each file is hashed once per run, however many units include it.
  llvm::StringMap<std::optional<uint64_t>> Hashes;
  /// Each path a parse did not find is looked for once per run.
  llvm::StringMap<bool> Absences;
};

/// The launcher's output: a translation unit's result beside its object
/// file, in the cache's format, for `noalloc link`.
llvm::Error writeResult(llvm::StringRef Path,
                        const TranslationUnitResult &Result);
/// A result that any machine can link (--results-dir): its files named
/// relative to \p Root, as its facts name them, and no hashes of the files
/// it read, which belong to the machine that parsed it.
std::string portableResult(const TranslationUnitResult &Result,
                           llvm::StringRef Root);
/// Reads either kind of result; a portable one's relative paths are
/// resolved against \p LinkRoot.
llvm::Expected<TranslationUnitResult> readResult(llvm::StringRef Path,
                                                 llvm::StringRef LinkRoot);
/// A result's text as read from \p Path (which errors name).
llvm::Expected<TranslationUnitResult>
parseResult(llvm::StringRef Text, llvm::StringRef Path,
            llvm::StringRef LinkRoot = "");

} // namespace noalloc

#endif // NOALLOC_TOOL_RESULTCACHE_H
