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
    for (int T : Graph.targets(Graph.node(I).Facts.Calls[K]))
      if (Graph.node(T).isUserCode())
        Users.push_back(T);
  return Users;
}

LibraryCallees::LibraryCallees(const HeapGraph &G)
    : Graph(G), ReachesUser(G.size(), false) {
  std::vector<int> Work;
  for (int I = 0, E = G.size(); I < E; ++I) {
    if (!G.node(I).Facts.InSystemHeader)
      continue;
    for (int K = 0, KE = G.node(I).Facts.Calls.size(); K < KE; ++K)
      if (!userTargets(I, K).empty()) {
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
static CallSite userCall(const HeapGraph::Node &User, const CallSite &Via,
                         bool OnFailurePath) {
  CallSite C;
  C.Kind = CallKind::Direct;
  C.Callee = User.Facts.USR;
  C.CalleeName = User.Facts.Name;
  C.Where = Via.Where;
  C.InThrow = OnFailurePath;
  return C;
}

std::vector<CallSite> LibraryCallees::of(int Entry) const {
  std::vector<CallSite> Callees;
  if (!ReachesUser[Entry])
    return Callees;
  StringMap<size_t> Found; // Index in Callees, by USR.
  // Every library function reached on a normal path before any reached on
  // a failure path only: a user function is a failure call only if no
  // normal path reaches it.
  DenseMap<int, bool> Seen; // Whether reached on a failure path only.
  std::deque<int> Normal{Entry}, Failure;
  Seen[Entry] = false;
  while (!Normal.empty() || !Failure.empty()) {
    bool OnFailure = Normal.empty();
    std::deque<int> &From = OnFailure ? Failure : Normal;
    int I = From.front();
    From.pop_front();
    const std::vector<CallSite> &Calls = Graph.node(I).Facts.Calls;
    for (int K = 0, KE = Calls.size(); K < KE; ++K) {
      bool Fails = OnFailure || Graph.isFailureCall({I, K});
      for (int U : userTargets(I, K)) {
        auto [It, New] =
            Found.try_emplace(Graph.node(U).Facts.USR, Callees.size());
        if (New)
          Callees.push_back(userCall(Graph.node(U), Calls[K], Fails));
        else if (Callees[It->second].InThrow && !Fails)
          Callees[It->second] = userCall(Graph.node(U), Calls[K], false);
      }
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
  return Callees;
}

} // namespace noalloc
