//===--- ProgramFacts.cpp - The facts of a program, each function once ----===//

#include "facts/ProgramFacts.h"
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
  Unit &U = Units.emplace_back();
  U.MainFile = std::move(Facts.MainFile);
  U.Pointers = std::move(Facts.Pointers);
  U.Functions.reserve(Facts.Functions.size());
  for (size_t I = 0; I < Facts.Functions.size(); ++I) {
    auto [It, Inserted] = Stored.try_emplace(Keys[I], unsigned(Compact.size()));
    if (Inserted)
      Compact.add(Facts.Functions[I]);
    U.Functions.push_back(It->second);
  }
  Listed += Facts.Functions.size();
}

FunctionFacts ProgramFacts::take(unsigned I) {
  if (InMemory)
    return std::move(Functions[I]);
  FunctionFacts F = Compact.get(I);
  Compact.drop(I);
  return F;
}

FunctionFacts ProgramFacts::function(unsigned I) const {
  return InMemory ? Functions[I] : Compact.get(I);
}

} // namespace noalloc
