//===--- UnknownCallCheck.h - noalloc-unknown-call ------------------------===//

#ifndef NOALLOC_CHECKS_UNKNOWNCALLCHECK_H
#define NOALLOC_CHECKS_UNKNOWNCALLCHECK_H

#include "CallCheck.h"

namespace noalloc {

/// Informational: calls to functions whose body and knowledge are both
/// missing, where noalloc's answer is "cannot tell".
class UnknownCallCheck : public CallCheck {
public:
  using CallCheck::CallCheck;

private:
  std::vector<CallFinding>
  findings(const HeapGraph &Graph, const ReportOptions &Options) const override;
};

} // namespace noalloc

#endif // NOALLOC_CHECKS_UNKNOWNCALLCHECK_H
