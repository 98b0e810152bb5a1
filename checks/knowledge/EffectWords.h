//===--- EffectWords.h - The words of a function's effect -----------------===//
//
// One table for the words a knowledge file spells a function's effect with:
// the YAML reader's and writer's (KnowledgeYAML.cpp) and effectName's.
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_CHECKS_EFFECTWORDS_H
#define NOALLOC_CHECKS_EFFECTWORDS_H

#include "knowledge/KnowledgeBase.h"
#include "knowledge/YAMLInput.h"

namespace noalloc {

inline constexpr Choice<FunctionEffect> FunctionEffectWords[] = {
    {"allocates", FunctionEffect::Allocates},
    {"releases", FunctionEffect::Releases},
    {"reallocates", FunctionEffect::Reallocates},
    {"may-allocate", FunctionEffect::MayAllocate},
    {"allocates-on-failure", FunctionEffect::AllocatesOnFailure},
    {"none", FunctionEffect::None}};

} // namespace noalloc

#endif // NOALLOC_CHECKS_EFFECTWORDS_H
