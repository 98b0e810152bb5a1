//===--- FactSink.h - Where a whole-program run collects facts ------------===//
//
// In clang-tidy (the plugin) noalloc-call links the facts of one
// translation unit and reports at once. The noalloc tool links the facts of
// the whole program instead: it installs a sink on the thread that analyses
// a translation unit, and the checks hand their facts to it.
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_CHECKS_FACTSINK_H
#define NOALLOC_CHECKS_FACTSINK_H

#include "facts/Facts.h"
#include "link/HeapGraph.h"
#include <optional>

namespace noalloc {

struct FactSink {
  std::optional<TranslationUnitFacts> Facts;
  LinkOptions Link;
  bool CallCheckEnabled = false;
  bool UnknownCallCheckEnabled = false;
};

/// The sink of the translation unit analysed on this thread, or null.
FactSink *currentFactSink();

/// Installs \p Sink for the current thread while in scope.
class ScopedFactSink {
public:
  explicit ScopedFactSink(FactSink &Sink);
  ~ScopedFactSink();

private:
  FactSink *Previous;
};

} // namespace noalloc

#endif // NOALLOC_CHECKS_FACTSINK_H
