//===--- LibraryCallees.h - The user code library functions call ----------===//
//
// A unit's summary of a library function holds what library code does
// itself. The user code it calls (the lambda std::for_each calls, a user
// type's copy constructor that std::vector<T>::push_back calls) stays a
// call of the summarised function, so that the link decides it with the
// whole program in view, and reports the path through it: an unknown in
// user code stays unknown under every policy. So do the calls library code
// dispatches (std::sort's call through a comparator pointer, the virtual
// overflow std::streambuf::sputc calls): the unit resolves them with its
// own functions only, and another unit may define what they reach.
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_CHECKS_LINK_LIBRARYCALLEES_H
#define NOALLOC_CHECKS_LINK_LIBRARYCALLEES_H

#include "link/HeapGraph.h"

namespace noalloc {

class LibraryCallees {
public:
  /// \p Graph: one unit's, linked with LinkOptions::LibraryAlone.
  explicit LibraryCallees(const HeapGraph &Graph);

  /// The user functions library function \p I reaches through library
  /// code, and the dispatched calls library code makes on the way, each
  /// once, as calls of \p I: where library code calls them, and, when only
  /// a failure path reaches them, marked as evaluated to throw.
  std::vector<CallSite> of(int I) const;

private:
  /// The user code that call \p K of library function \p I may reach.
  std::vector<int> userTargets(int I, int K) const;
  /// Whether call \p K of library function \p I is dispatched, and the
  /// link resolves it again: not one whose callee the knowledge base
  /// answers for every override (memory_resource::do_allocate).
  bool keptForLink(int I, int K) const;

  const HeapGraph &Graph;
  /// The library functions that reach user code, or a call kept for the
  /// link, through library code.
  std::vector<bool> ReachesUser;
};

} // namespace noalloc

#endif // NOALLOC_CHECKS_LINK_LIBRARYCALLEES_H
