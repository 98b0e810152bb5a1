//===--- ProgramFacts.cpp - The facts of a program, each function once ----===//

#include "facts/ProgramFacts.h"

namespace noalloc {

ProgramFacts::ProgramFacts(std::vector<TranslationUnitFacts> All) {
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

void ProgramFacts::add(TranslationUnitFacts Facts) {
  Unit &U = Units.emplace_back();
  U.MainFile = std::move(Facts.MainFile);
  U.Pointers = std::move(Facts.Pointers);
  U.Functions.reserve(Facts.Functions.size());
  for (FunctionFacts &F : Facts.Functions) {
    auto [It, Inserted] =
        Stored.try_emplace(contentKey(F), unsigned(Functions.size()));
    if (Inserted)
      Functions.push_back(std::move(F));
    U.Functions.push_back(It->second);
  }
  Listed += Facts.Functions.size();
}

} // namespace noalloc
