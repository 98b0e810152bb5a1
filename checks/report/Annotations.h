//===--- Annotations.h - The functions --annotate marks -------------------===//
//
// --annotate writes [[clang::nonallocating]] (or nonblocking) on the user
// functions the linked program shows allocation-free and whose every call
// clang's -Wfunction-effects can follow: to other functions marked in the
// same run, or to code clang infers from a visible body. Which functions
// those are is decided here from the linked graph; the tool then has clang
// check the result and rejects what it refuses (tool/Annotate.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_CHECKS_REPORT_ANNOTATIONS_H
#define NOALLOC_CHECKS_REPORT_ANNOTATIONS_H

#include "link/HeapGraph.h"

namespace noalloc {

enum class EffectAttribute { NonAllocating, NonBlocking };

/// The attribute as written: "[[clang::nonallocating]]".
llvm::StringRef attributeSpelling(EffectAttribute A);
/// The GNU spelling, "__attribute__((nonallocating))": C before C23 takes
/// [[...]] as an extension that -pedantic -Werror refuses.
llvm::StringRef gnuAttributeSpelling(EffectAttribute A);

/// One function to mark (or every instantiation of one template): where the
/// attribute goes in each of its declarations.
struct Annotation {
  std::string Name;
  /// The definition.
  SourcePoint Where;
  /// Sorted by file and offset.
  std::vector<SourcePoint> Points;
  /// The graph's nodes the declarations belong to.
  std::vector<int> Nodes;
};

/// The functions to mark: user definitions with no effect at all (no site,
/// not even an accepted one) whose calls are all direct or virtual, to a
/// function marked too, to a lambda or implicit member with such a body,
/// or to library code with no effect; virtual calls only to functions
/// marked with every override. \p Rejected (indexed by node, may be empty)
/// lists functions clang refused: they and their callers are left out.
std::vector<Annotation> selectAnnotations(const HeapGraph &Graph,
                                          const std::vector<bool> &Rejected);

} // namespace noalloc

#endif // NOALLOC_CHECKS_REPORT_ANNOTATIONS_H
