//===--- CompactFacts.h - Facts as length-prefixed binary -----------------===//
//
// The result cache and the launcher's results hold a unit's facts in this
// form, read back on every warm run. As JSON they were parsed into a tree,
// mapped field by field and freed again: most of a warm run's CPU. Here a
// number is a ULEB128, a string its length and its bytes, a list its count
// and its items, and a point names its file by an index into the unit's
// table: one pass over the bytes, nothing to unescape. The same walk over
// the fields gives the bytes contentKey hashes (a point by its path), so one
// list of fields is written, read and hashed.
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_CHECKS_FACTS_COMPACTFACTS_H
#define NOALLOC_CHECKS_FACTS_COMPACTFACTS_H

#include "facts/Facts.h"
#include "llvm/ADT/StringMap.h"

namespace noalloc {

/// \p Facts in the compact form, files named relative to Facts.Root as the
/// JSON format names them.
std::string encodeFacts(const TranslationUnitFacts &Facts);

/// Facts that encodeFacts wrote, relative paths resolved against
/// \p ProjectRoot; anything else (truncated, damaged, another format
/// version) is an error.
llvm::Expected<TranslationUnitFacts> decodeFacts(llvm::StringRef Bytes,
                                                 llvm::StringRef ProjectRoot);

/// Functions held in memory in the compact form, every string (USR, name,
/// path) once in a table they all share: the same callees, names and files
/// fill a template-heavy program's facts, and as FunctionFacts each call
/// site holds its own copies (about 1 KiB a call on nlohmann/json). Paths
/// stay absolute; get() gives back the facts add() took, field for field.
class CompactFunctions {
public:
  /// Stores \p F; its index is the number stored before.
  unsigned add(const FunctionFacts &F);
  FunctionFacts get(unsigned I) const;
  /// Frees the bytes of function \p I, which get() may not read again.
  void drop(unsigned I);
  size_t size() const { return Bytes.size(); }
  /// The distinct strings of the functions stored.
  size_t strings() const { return Strings.size(); }

private:
  /// Each string's index; its entries hold the strings, in place however
  /// the map grows or moves.
  llvm::StringMap<unsigned> Index;
  std::vector<llvm::StringRef> Strings;
  std::vector<std::string> Bytes;
  class Writer;
};

} // namespace noalloc

#endif // NOALLOC_CHECKS_FACTS_COMPACTFACTS_H
