//===--- FactSink.h - Where a whole-program run collects facts ------------===//
//
// In clang-tidy (the plugin) noalloc-call extracts and links the facts of
// one translation unit and reports at once. The noalloc tool extracts the
// facts of every unit itself, whatever checks are enabled, and links the
// whole program: it installs a sink on the thread that analyses a unit, the
// facts go there, and the call checks stay quiet.
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_CHECKS_EXTRACT_FACTSINK_H
#define NOALLOC_CHECKS_EXTRACT_FACTSINK_H

#include "facts/Facts.h"
#include <optional>

namespace noalloc {

struct FactSink {
  std::optional<TranslationUnitFacts> Facts;
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

#endif // NOALLOC_CHECKS_EXTRACT_FACTSINK_H
