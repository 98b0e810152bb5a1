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
// take a few MiB, not a few hundred. The run's last unit is the exception
// (addLast): nothing is parsed after it, so its functions wait for the
// link as they are, not put into the compact form and read back.
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
  /// Adds \p Unit, after which the link comes: its new functions are held
  /// as they are until the link takes them. \p Keys are keysOf(Unit) or
  /// empty: a unit alone in the program is stored whole without them
  /// unless it lists a USR twice. A later add() puts them into the
  /// compact form after all.
  void addLast(TranslationUnitFacts Unit, std::vector<std::string> Keys);

  const std::vector<Unit> &units() const { return Units; }
  /// The number of distinct functions.
  size_t size() const { return Compact.size() + Functions.size(); }
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
  /// Stores the functions addLast() held as they are in the compact form.
  void compactHeld();
  /// Adds \p Facts's unit, storing each function no other brought with the
  /// same key (\p Keys, or none: each function), compact or, with \p Hold,
  /// as it is.
  void store(TranslationUnitFacts Facts, llvm::ArrayRef<std::string> Keys,
             bool Hold);

  /// Made from units in memory: Functions, not Compact. Only the
  /// assertions of add and addLast read it.
  [[maybe_unused]] bool InMemory = false;
  /// Function I is Compact's I, or Functions' I - Compact.size(): those of
  /// the units in memory, or of the last unit.
  std::vector<FunctionFacts> Functions;
  CompactFunctions Compact;
  /// USR and the hash of the facts: the function's index.
  llvm::StringMap<unsigned> Stored;
  /// addLast() stored Functions without their keys.
  bool HeldUnkeyed = false;
  std::vector<Unit> Units;
  size_t Listed = 0;
};

} // namespace noalloc

#endif // NOALLOC_CHECKS_FACTS_PROGRAMFACTS_H
