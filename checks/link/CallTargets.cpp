//===--- CallTargets.cpp - The functions each call may reach, shared ------===//

#include "link/CallTargets.h"

using namespace llvm;

namespace noalloc {

void CallTargets::add(int Function, StringRef Key,
                      function_ref<std::vector<int>()> Resolve) {
  auto [It, Inserted] = ByKey.try_emplace(Key, unsigned(Lists.size()));
  if (Inserted)
    Lists.push_back(Resolve());
  ListOfCall[Function].push_back(It->second);
}

void CallTargets::index(function_ref<bool(const Call &)> FollowedCall,
                        function_ref<bool(int)> FollowedTarget) {
  CallsThrough.assign(Lists.size(), {});
  for (int F = 0, FE = ListOfCall.size(); F < FE; ++F)
    for (int I = 0, IE = ListOfCall[F].size(); I < IE; ++I)
      if (FollowedCall({F, I}))
        CallsThrough[ListOfCall[F][I]].push_back({F, I});
  ListsReaching.assign(ListOfCall.size(), {});
  for (unsigned L = 0, LE = Lists.size(); L < LE; ++L) {
    if (CallsThrough[L].empty())
      continue; // No call follows it: it reaches nothing.
    for (int T : Lists[L])
      if (FollowedTarget(T))
        ListsReaching[T].push_back(L);
  }
  ByKey.clear(); // Every call is added: the names are not needed.
}

} // namespace noalloc
