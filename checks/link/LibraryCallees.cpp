//===--- LibraryCallees.cpp - The user code library functions call --------===//

#include "link/LibraryCallees.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include <deque>

using namespace llvm;

namespace noalloc {

std::vector<int> LibraryCallees::userTargets(int I, int K) const {
  std::vector<int> Users;
  if (Graph.follows({I, K}))
    for (int T : Graph.targets(Graph.node(I).Calls[K]))
      if (Graph.node(T).isUserCode())
        Users.push_back(T);
  return Users;
}

bool LibraryCallees::keptForLink(int I, int K) const {
  const LinkedCall &C = Graph.node(I).Calls[K];
  if (!isDispatched(C) || C.Nonallocating || !Graph.follows({I, K}))
    return false;
  if (C.Kind != CallKind::Virtual)
    return true;
  int Callee = Graph.find(C.Callee);
  return Callee < 0 || Graph.node(Callee).Facts.Defined ||
         Graph.node(Callee).Opaque;
}

LibraryCallees::LibraryCallees(const HeapGraph &G)
    : Graph(G), ReachesUser(G.size(), false) {
  std::vector<int> Work;
  for (int I = 0, E = G.size(); I < E; ++I) {
    if (!G.node(I).Facts.InSystemHeader)
      continue;
    for (int K = 0, KE = G.node(I).Calls.size(); K < KE; ++K)
      if (keptForLink(I, K) || !userTargets(I, K).empty()) {
        ReachesUser[I] = true;
        Work.push_back(I);
        break;
      }
  }
  // Backwards along the library's calls, which reach library code only.
  const CallTargets &Calls = G.callTargets();
  while (!Work.empty()) {
    int T = Work.back();
    Work.pop_back();
    for (unsigned L : Calls.listsReaching(T))
      for (const CallTargets::Call &Through : Calls.callsThrough(L))
        if (!ReachesUser[Through.Function] &&
            G.node(Through.Function).Facts.InSystemHeader) {
          ReachesUser[Through.Function] = true;
          Work.push_back(Through.Function);
        }
  }
}

/// The call of user function \p User that library call \p Via stands for.
static CallSite userCall(const HeapGraph::Node &User, const LinkedCall &Via,
                         bool OnFailurePath) {
  CallSite C;
  C.Kind = CallKind::Direct;
  C.Callee = User.Facts.USR;
  C.CalleeName = User.Facts.Name;
  C.Where = Via.Where.point();
  C.InThrow = OnFailurePath;
  return C;
}

/// Library call \p Via, dispatched, as the link resolves it again.
static CallSite keptCall(const LinkedCall &Via, bool OnFailurePath) {
  CallSite C;
  C.Kind = Via.Kind;
  C.Callee = Via.Callee.str();
  C.CalleeName = Via.CalleeName.str();
  C.Where = Via.Where.point();
  C.Pointer = Via.Pointer.str();
  C.OpenToClients = Via.OpenToClients;
  C.InThrow = OnFailurePath;
  return C;
}

namespace {
/// The calls a summary keeps, each once by what it reaches: one reached on
/// a normal path replaces one reached on a failure path only.
class KeptCalls {
public:
  void add(CallSite C) {
    auto [It, New] = Index.try_emplace(dispatchKey(C), Calls.size());
    if (New)
      Calls.push_back(std::move(C));
    else if (Calls[It->second].InThrow && !C.InThrow)
      Calls[It->second] = std::move(C);
  }
  std::vector<CallSite> take() && { return std::move(Calls); }

private:
  std::vector<CallSite> Calls;
  StringMap<size_t> Index;
};
} // namespace

std::vector<CallSite> LibraryCallees::of(int Entry) const {
  KeptCalls Kept;
  if (!ReachesUser[Entry])
    return std::move(Kept).take();
  // Every library function reached on a normal path before any reached on
  // a failure path only: a call is a failure call only if no normal path
  // reaches it.
  DenseMap<int, bool> Seen; // Whether reached on a failure path only.
  std::deque<int> Normal{Entry}, Failure;
  Seen[Entry] = false;
  while (!Normal.empty() || !Failure.empty()) {
    bool OnFailure = Normal.empty();
    std::deque<int> &From = OnFailure ? Failure : Normal;
    int I = From.front();
    From.pop_front();
    const std::vector<LinkedCall> &Calls = Graph.node(I).Calls;
    for (int K = 0, KE = Calls.size(); K < KE; ++K) {
      bool Fails = OnFailure || Graph.isFailureCall({I, K});
      for (int U : userTargets(I, K))
        Kept.add(userCall(Graph.node(U), Calls[K], Fails));
      if (keptForLink(I, K))
        Kept.add(keptCall(Calls[K], Fails));
      if (!Graph.follows({I, K}))
        continue;
      for (int T : Graph.targets(I, K)) {
        if (!ReachesUser[T] || !Graph.follows(T))
          continue;
        auto [It, Inserted] = Seen.try_emplace(T, Fails);
        if (!Inserted && (Fails || !It->second))
          continue;
        It->second = Fails;
        (Fails ? Failure : Normal).push_back(T);
      }
    }
  }
  return std::move(Kept).take();
}

} // namespace noalloc
