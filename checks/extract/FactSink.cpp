//===--- FactSink.cpp - Where a whole-program run collects facts ----------===//

#include "extract/FactSink.h"

namespace noalloc {

static thread_local FactSink *CurrentSink = nullptr;

FactSink *currentFactSink() { return CurrentSink; }

ScopedFactSink::ScopedFactSink(FactSink &Sink) : Previous(CurrentSink) {
  CurrentSink = &Sink;
}

ScopedFactSink::~ScopedFactSink() { CurrentSink = Previous; }

} // namespace noalloc
