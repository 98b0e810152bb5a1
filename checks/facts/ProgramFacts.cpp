//===--- ProgramFacts.cpp - The facts of a program, each function once ----===//

#include "facts/ProgramFacts.h"
#include "llvm/ADT/StringSet.h"
#include <cassert>

namespace noalloc {

ProgramFacts::ProgramFacts(std::vector<TranslationUnitFacts> All)
    : InMemory(true) {
  for (TranslationUnitFacts &Facts : All) {
    Unit &U = Units.emplace_back();
    U.MainFile = std::move(Facts.MainFile);
    U.Pointers = std::move(Facts.Pointers);
    for (FunctionFacts &F : Facts.Functions) {
      U.Functions.push_back(unsigned(Functions.size()));
      Functions.push_back(std::move(F));
    }
    Listed += Facts.Functions.size();
  }
}

std::vector<std::string>
ProgramFacts::keysOf(const TranslationUnitFacts &Facts) {
  std::vector<std::string> Keys;
  Keys.reserve(Facts.Functions.size());
  for (const FunctionFacts &F : Facts.Functions)
    Keys.push_back(contentKey(F));
  return Keys;
}

void ProgramFacts::add(TranslationUnitFacts Facts,
                       std::vector<std::string> Keys) {
  assert(Keys.size() == Facts.Functions.size() && "keysOf(Facts)");
  assert(!InMemory && "made from units in memory");
  compactHeld();
  store(std::move(Facts), Keys, /*Hold=*/false);
}

/// Whether \p Facts lists no USR twice.
static bool eachUSROnce(const TranslationUnitFacts &Facts) {
  llvm::StringSet<> Seen;
  for (const FunctionFacts &F : Facts.Functions)
    if (!Seen.insert(F.USR).second)
      return false;
  return true;
}

void ProgramFacts::addLast(TranslationUnitFacts Facts,
                           std::vector<std::string> Keys) {
  assert(!InMemory && "made from units in memory");
  assert((Keys.empty() || Keys.size() == Facts.Functions.size()) &&
         "keysOf(Facts) or none");
  compactHeld();
  // Alone, and each function once: every function is stored, and their
  // keys matter only if another unit comes after all.
  bool Unkeyed = Keys.empty() && Stored.empty() && eachUSROnce(Facts);
  if (Keys.empty() && !Unkeyed)
    Keys = keysOf(Facts);
  store(std::move(Facts), Keys, /*Hold=*/true);
  HeldUnkeyed = Unkeyed;
}

void ProgramFacts::store(TranslationUnitFacts Facts,
                         llvm::ArrayRef<std::string> Keys, bool Hold) {
  Unit &U = Units.emplace_back();
  U.MainFile = std::move(Facts.MainFile);
  U.Pointers = std::move(Facts.Pointers);
  U.Functions.reserve(Facts.Functions.size());
  for (size_t I = 0; I < Facts.Functions.size(); ++I) {
    unsigned Index = unsigned(size());
    if (!Keys.empty()) {
      auto [It, Inserted] = Stored.try_emplace(Keys[I], Index);
      Index = It->second;
      if (!Inserted) {
        U.Functions.push_back(Index);
        continue;
      }
    }
    if (Hold)
      Functions.push_back(std::move(Facts.Functions[I]));
    else
      Compact.add(Facts.Functions[I]);
    U.Functions.push_back(Index);
  }
  Listed += Facts.Functions.size();
}

void ProgramFacts::compactHeld() {
  for (FunctionFacts &F : Functions) {
    if (HeldUnkeyed)
      Stored.try_emplace(contentKey(F), Compact.size());
    Compact.add(F);
  }
  Functions.clear();
  HeldUnkeyed = false;
}

FunctionFacts ProgramFacts::take(unsigned I) {
  if (I >= Compact.size())
    return std::move(Functions[I - Compact.size()]);
  FunctionFacts F = Compact.get(I);
  Compact.drop(I);
  return F;
}

FunctionFacts ProgramFacts::function(unsigned I) const {
  return I >= Compact.size() ? Functions[I - Compact.size()] : Compact.get(I);
}

} // namespace noalloc
