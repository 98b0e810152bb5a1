//===--- UnknownCallCheck.cpp - noalloc-unknown-call ----------------------===//

#include "UnknownCallCheck.h"

namespace noalloc {

std::vector<CallFinding>
UnknownCallCheck::findings(const HeapGraph &Graph,
                           const ReportOptions &Options) const {
  return unknownCallFindings(Graph, Options);
}

} // namespace noalloc
