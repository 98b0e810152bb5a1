//===--- FactExtractor.h - Parse once, keep the facts ---------------------===//

#ifndef NOALLOC_CHECKS_FACTEXTRACTOR_H
#define NOALLOC_CHECKS_FACTEXTRACTOR_H

#include "extract/KnownLibraries.h"
#include "facts/Facts.h"
#include "knowledge/KnowledgeBase.h"

namespace clang {
class ASTContext;
} // namespace clang

namespace noalloc {

/// Collects the facts of one translation unit: every function defined in
/// user code, and the library functions they reach, with their heap sites
/// and call sites, including the calls that do not look like calls
/// (constructors, destructors, conversions, operators, default arguments).
/// A function without a body counts as library code only in \p Known.
TranslationUnitFacts extractFacts(clang::ASTContext &Ctx,
                                  const KnowledgeBase &Knowledge,
                                  KnownLibraries Known);

} // namespace noalloc

#endif // NOALLOC_CHECKS_FACTEXTRACTOR_H
