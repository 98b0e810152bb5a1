//===--- ProgramFacts.h - The facts of a program, each function once ------===//
//
// A function defined in a header (an inline function, a template
// instantiation) arrives with the facts of every unit that includes it, the
// same facts each time. The program keeps one copy of each, keyed by USR
// and a hash of its facts, and each unit the indices of its functions in
// its own order: the link step's memory grows with the program's distinct
// functions, not with its units times their headers. Until the link takes
// them, the functions are held in the compact form, every string once
// (CompactFunctions): while units are still parsed, the program's facts
// take a few MiB, not a few hundred.
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_CHECKS_FACTS_PROGRAMFACTS_H
#define NOALLOC_CHECKS_FACTS_PROGRAMFACTS_H

#include "facts/CompactFacts.h"
#include "facts/Facts.h"
#include "llvm/ADT/StringMap.h"

namespace noalloc {

class ProgramFacts {
public:
  struct Unit {
    std::string MainFile;
    /// Indices of its distinct functions (take(), function()), in the
    /// order the unit lists them.
    std::vector<unsigned> Functions;
    std::vector<PointerFacts> Pointers;
  };

  ProgramFacts() = default;
  /// Every function of \p Units as they list them, none shared: they are
  /// all in memory already, so sharing would save nothing and cost a hash
  /// of every function (the extractor's summary links one unit this way).
  explicit ProgramFacts(std::vector<TranslationUnitFacts> Units);

  /// The keys \p Unit's functions are stored under (contentKey): apart
  /// from add(), so that several threads can compute them at once.
  static std::vector<std::string> keysOf(const TranslationUnitFacts &Unit);
  /// Adds \p Unit, storing only the functions no other unit brought with
  /// the same facts; \p Keys are keysOf(Unit).
  void add(TranslationUnitFacts Unit, std::vector<std::string> Keys);
  void add(TranslationUnitFacts Unit) {
    std::vector<std::string> Keys = keysOf(Unit);
    add(std::move(Unit), std::move(Keys));
  }

  const std::vector<Unit> &units() const { return Units; }
  /// The number of distinct functions.
  size_t size() const { return InMemory ? Functions.size() : Compact.size(); }
  /// Distinct function \p I, which is no longer held: the link step takes
  /// each once.
  FunctionFacts take(unsigned I);
  /// A copy of distinct function \p I.
  FunctionFacts function(unsigned I) const;
  /// Functions as the units listed them, with repeats.
  size_t listed() const { return Listed; }
  /// The distinct strings of the functions held in the compact form.
  size_t strings() const { return Compact.strings(); }

private:
  /// Made from units in memory: Functions, not Compact.
  bool InMemory = false;
  std::vector<FunctionFacts> Functions;
  CompactFunctions Compact;
  /// USR and the hash of the facts: the index in Functions.
  llvm::StringMap<unsigned> Stored;
  std::vector<Unit> Units;
  size_t Listed = 0;
};

} // namespace noalloc

#endif // NOALLOC_CHECKS_FACTS_PROGRAMFACTS_H
