//===--- CallTargets.h - The functions each call may reach, shared --------===//
//
// A virtual call may reach every override of its method, an indirect call
// every function of its type whose address is taken: made from N places
// with N candidates, such calls are N*N edges if each call lists its own
// targets. Here calls that dispatch the same way share one list of
// targets, and each list knows the calls made through it, so the call
// graph grows with the program's calls and functions. Which functions a
// call reaches is decided elsewhere (HeapGraph::targets); this is where
// the answers are kept.
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_CHECKS_LINK_CALLTARGETS_H
#define NOALLOC_CHECKS_LINK_CALLTARGETS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"
#include <vector>

namespace noalloc {

class CallTargets {
public:
  /// A call of the program: the function making it and its index among
  /// that function's calls.
  struct Call {
    int Function;
    int Index;
  };

  /// Makes room for \p Functions functions.
  explicit CallTargets(size_t Functions) : ListOfCall(Functions) {}

  /// Records that call \p Index of \p Function reaches the list named
  /// \p Key, made by \p Resolve when no call named it before. Calls are
  /// added in order, each function's from its first.
  void add(int Function, llvm::StringRef Key,
           llvm::function_ref<std::vector<int>()> Resolve);
  /// Indexes the lists the other way, once every call is added: which
  /// lists each function is in, which calls go through each list. Only
  /// what the analysis follows: calls \p FollowedCall accepts, to
  /// functions \p FollowedTarget accepts.
  void index(llvm::function_ref<bool(const Call &)> FollowedCall,
             llvm::function_ref<bool(int)> FollowedTarget);

  size_t lists() const { return Lists.size(); }
  /// The list call \p Index of \p Function reaches.
  unsigned listOf(int Function, int Index) const {
    return ListOfCall[Function][Index];
  }
  /// Every function the list may reach, followed or not.
  llvm::ArrayRef<int> members(unsigned List) const { return Lists[List]; }
  /// The functions call \p Index of \p Function may reach.
  llvm::ArrayRef<int> of(int Function, int Index) const {
    return members(listOf(Function, Index));
  }
  /// The followed lists that reach \p Function, which index() follows.
  llvm::ArrayRef<unsigned> listsReaching(int Function) const {
    return ListsReaching[Function];
  }
  /// The followed calls through \p List.
  llvm::ArrayRef<Call> callsThrough(unsigned List) const {
    return CallsThrough[List];
  }

private:
  std::vector<std::vector<int>> Lists;
  llvm::StringMap<unsigned> ByKey;
  std::vector<std::vector<unsigned>> ListOfCall;
  std::vector<std::vector<unsigned>> ListsReaching;
  std::vector<std::vector<Call>> CallsThrough;
};

} // namespace noalloc

#endif // NOALLOC_CHECKS_LINK_CALLTARGETS_H
