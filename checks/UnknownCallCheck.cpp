//===--- UnknownCallCheck.cpp - noalloc-unknown-call ----------------------===//

#include "UnknownCallCheck.h"
#include "extract/FactSink.h"

namespace noalloc {

std::vector<CallFinding>
UnknownCallCheck::findings(const HeapGraph &Graph) const {
  return Graph.unknownCallFindings();
}

void UnknownCallCheck::markEnabled(FactSink &Sink) const {
  Sink.UnknownCallCheckEnabled = true;
}

} // namespace noalloc
