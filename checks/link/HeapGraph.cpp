//===--- HeapGraph.cpp - Link the facts, propagate "may use the heap" -----===//

#include "link/HeapGraph.h"
#include "llvm/Support/GlobPattern.h"
#include <deque>
#include <map>

using namespace llvm;

namespace noalloc {

static bool matchesAny(const FunctionFacts &F,
                       const std::vector<std::string> &Patterns) {
  for (const std::string &P : Patterns) {
    if (P == F.USR || P == F.Name)
      return true;
    if (auto Glob = GlobPattern::create(P))
      if (Glob->match(F.Name))
        return true;
  }
  return false;
}

HeapGraph::HeapGraph(std::vector<TranslationUnitFacts> Units,
                     const KnowledgeBase &KB, LinkOptions Opts)
    : KB(KB), Options(std::move(Opts)) {
  // Join: one node per USR; a definition wins over declarations, and
  // flags seen in any translation unit hold for the function.
  for (TranslationUnitFacts &Unit : Units)
    for (FunctionFacts &F : Unit.Functions) {
      auto [It, Inserted] = ByUSR.try_emplace(F.USR, int(Nodes.size()));
      if (Inserted) {
        Nodes.emplace_back();
        Nodes.back().Facts = std::move(F);
        continue;
      }
      FunctionFacts &Known = Nodes[It->second].Facts;
      bool AddressTaken = Known.AddressTaken || F.AddressTaken;
      bool Root = Known.Root || F.Root, Allowed = Known.Allowed || F.Allowed;
      if (!Known.Defined && F.Defined)
        Known = std::move(F);
      Known.AddressTaken = AddressTaken;
      Known.Root = Root;
      Known.Allowed = Allowed;
    }
  // Calls that no function of the program can answer end here.
  Nodes.emplace_back();
  Nodes.back().Facts.Name = "an unknown function";
  Nodes.back().Facts.USR = "noalloc:unknown";
  ByUSR["noalloc:unknown"] = int(Nodes.size()) - 1;

  for (int I = 0, E = Nodes.size(); I < E; ++I) {
    Node &N = Nodes[I];
    N.Facts.Root |= matchesAny(N.Facts, Options.Roots);
    N.Facts.Allowed |= matchesAny(N.Facts, Options.AllowedZones);
    for (const std::string &O : N.Facts.Overrides)
      Overriders[O].push_back(I);
    if (N.Facts.AddressTaken && N.Facts.Defined)
      BySignature[N.Facts.Signature].push_back(I);
    if (!N.Facts.Defined)
      decideLeaf(N);
    if (N.Facts.Root && N.Facts.Defined)
      RootNodes.push_back(I);
  }
  propagate();
  if (!RootNodes.empty()) {
    InScope.assign(Nodes.size(), false);
    for (int I : reachable(RootNodes, &ScopeParent, &ScopeParentCall))
      InScope[I] = true;
  }
}

int HeapGraph::effectOf(StringRef USR) const {
  auto It = ByUSR.find(USR);
  return It == ByUSR.end() ? -1 : int(Nodes[It->second].Best.Kind);
}

void HeapGraph::decideLeaf(Node &N) {
  const FunctionFacts &F = N.Facts;
  if (F.Summary >= 0) {
    N.Leaf = Effect(Options.Strict ? F.StrictSummary : F.Summary);
    if (N.Leaf != Effect::None)
      N.LeafWhy = N.Leaf == Effect::Allocates ? "may allocate on the heap"
                                              : "may release heap memory";
    return;
  }
  if (F.USR == "noalloc:unknown") {
    N.Unknown = true;
  } else if (const FunctionEntry *E = KB.function(F.KnowledgeName)) {
    switch (E->Effect) {
    case FunctionEffect::Allocates:
    case FunctionEffect::Reallocates:
      N.Leaf = Effect::Allocates;
      N.LeafWhy = "allocates on the heap";
      return;
    case FunctionEffect::Releases:
      N.Leaf = Effect::Releases;
      N.LeafWhy = "releases heap memory";
      return;
    case FunctionEffect::MayAllocate:
      if (Options.Strict) {
        N.Leaf = Effect::Allocates;
        N.LeafWhy = "may allocate on the heap (" + E->Condition + ")";
      }
      return;
    case FunctionEffect::None:
      return;
    }
  } else if (const TypeEntry *T = KB.type(F.KnowledgeClass);
             T && T->Effect == TypeEffect::Allocates) {
    // A compiled member of an allocating library type (std::string's
    // out-of-line members): conservatively allocating unless listed.
    bool Destructor = StringRef(F.KnowledgeName).contains("::~");
    N.Leaf = Destructor ? Effect::Releases : Effect::Allocates;
    N.LeafWhy =
        Destructor ? "releases heap memory" : "may allocate on the heap";
    return;
  } else {
    N.Unknown = true;
  }
  if (N.Unknown && Options.Strict) {
    N.Leaf = Effect::Allocates;
    N.LeafWhy = "has no body to analyse (strict mode counts it as allocating)";
  }
}

std::vector<int> HeapGraph::targets(const CallSite &Call) const {
  std::vector<int> Result;
  if (Call.Kind == CallKind::Indirect) {
    auto It = BySignature.find(Call.Callee);
    if (It != BySignature.end())
      Result = It->second;
  } else {
    auto It = ByUSR.find(Call.Callee);
    if (It != ByUSR.end())
      Result.push_back(It->second);
    if (Call.Kind == CallKind::Virtual) {
      auto O = Overriders.find(Call.Callee);
      if (O != Overriders.end())
        Result.insert(Result.end(), O->second.begin(), O->second.end());
    }
  }
  if (Result.empty())
    Result.push_back(ByUSR.lookup("noalloc:unknown"));
  return Result;
}

void HeapGraph::propagate() {
  // Reverse edges, without accepted calls and without allowed zones.
  std::vector<std::vector<std::pair<int, int>>> Callers(Nodes.size());
  for (int I = 0, E = Nodes.size(); I < E; ++I) {
    if (Nodes[I].Facts.Allowed)
      continue;
    const std::vector<CallSite> &Calls = Nodes[I].Facts.Calls;
    for (int C = 0, CE = Calls.size(); C < CE; ++C) {
      if (Calls[C].Accepted)
        continue;
      for (int T : targets(Calls[C]))
        if (!Nodes[T].Facts.Allowed)
          Callers[T].push_back({I, C});
    }
  }
  // Breadth first from the heap, allocations first: each node keeps its
  // shortest chain. Recursion needs no special case: a node is settled once.
  for (Effect Pass : {Effect::Allocates, Effect::Releases}) {
    std::deque<int> Queue;
    for (int I = 0, E = Nodes.size(); I < E; ++I) {
      Node &N = Nodes[I];
      if (N.Best.Kind != Effect::None || N.Facts.Allowed)
        continue;
      if (N.Leaf == Pass) {
        N.Best = {Pass, -1, -1, -1, 0};
        Queue.push_back(I);
        continue;
      }
      const std::vector<HeapSite> &Sites = N.Facts.Sites;
      for (int S = 0, SE = Sites.size(); S < SE; ++S)
        if (!Sites[S].Accepted &&
            Sites[S].Allocates == (Pass == Effect::Allocates)) {
          N.Best = {Pass, S, -1, -1, 0};
          Queue.push_back(I);
          break;
        }
    }
    // Level by level, so that the chain each node keeps does not depend on
    // the order the translation units came in: among the calls of equal
    // length, the first in the source wins.
    auto Earlier = [&](const Reason &A, const Reason &B, const Node &N) {
      const SourcePoint &PA = N.Facts.Calls[A.Call].Where;
      const SourcePoint &PB = N.Facts.Calls[B.Call].Where;
      return std::tie(PA.File, PA.Offset, Nodes[A.Target].Facts.USR) <
             std::tie(PB.File, PB.Offset, Nodes[B.Target].Facts.USR);
    };
    std::vector<int> Frontier(Queue.begin(), Queue.end());
    while (!Frontier.empty()) {
      std::map<int, Reason> Next;
      for (int T : Frontier)
        for (auto [Caller, Call] : Callers[T]) {
          const Node &N = Nodes[Caller];
          if (N.Best.Kind != Effect::None)
            continue;
          Reason R{Pass, -1, Call, T, Nodes[T].Best.Distance + 1};
          auto [It, Inserted] = Next.try_emplace(Caller, R);
          if (!Inserted && Earlier(R, It->second, N))
            It->second = R;
        }
      Frontier.clear();
      for (auto &[Caller, R] : Next) {
        Nodes[Caller].Best = R;
        Frontier.push_back(Caller);
      }
    }
  }
}

std::vector<int> HeapGraph::reachable(const std::vector<int> &From,
                                      std::vector<int> *Parent,
                                      std::vector<int> *ParentCall) const {
  std::vector<int> Order;
  std::vector<bool> Seen(Nodes.size(), false);
  if (Parent)
    Parent->assign(Nodes.size(), -1);
  if (ParentCall)
    ParentCall->assign(Nodes.size(), -1);
  std::deque<int> Queue;
  for (int I : From)
    if (!Seen[I] && !Nodes[I].Facts.Allowed) {
      Seen[I] = true;
      Queue.push_back(I);
    }
  while (!Queue.empty()) {
    int I = Queue.front();
    Queue.pop_front();
    Order.push_back(I);
    const std::vector<CallSite> &Calls = Nodes[I].Facts.Calls;
    for (int C = 0, CE = Calls.size(); C < CE; ++C) {
      if (Calls[C].Accepted)
        continue;
      for (int T : targets(Calls[C]))
        if (!Seen[T] && !Nodes[T].Facts.Allowed) {
          Seen[T] = true;
          if (Parent)
            (*Parent)[T] = I;
          if (ParentCall)
            (*ParentCall)[T] = C;
          Queue.push_back(T);
        }
    }
  }
  return Order;
}

static std::string quoted(StringRef S) { return "'" + S.str() + "'"; }

/// "calls 'f'", or for a constructor "constructs 'std::string'".
static std::string callPhrase(const CallSite &C, bool Constructor) {
  if (Constructor) {
    StringRef Name = C.CalleeName;
    size_t Scope = Name.rfind("::");
    if (Scope != StringRef::npos)
      return "constructs " + quoted(Name.take_front(Scope));
  }
  if (C.Kind == CallKind::Indirect)
    return "calls through " + quoted(C.CalleeName);
  return "calls " + quoted(C.CalleeName);
}

std::string HeapGraph::describe(const Node &N, Effect E) const {
  if (!N.LeafWhy.empty())
    return N.LeafWhy;
  return E == Effect::Allocates ? "may allocate on the heap"
                                : "may release heap memory";
}

void HeapGraph::chain(int Start, std::vector<ChainStep> &Notes) const {
  int X = Start;
  for (int Steps = 0; Steps < 64; ++Steps) {
    const Node &N = Nodes[X];
    // The chain stops at the first library function, as the user wrote it.
    if (N.Facts.InSystemHeader || !N.Facts.Defined)
      return;
    if (N.Best.Site >= 0) {
      const HeapSite &S = N.Facts.Sites[N.Best.Site];
      Notes.push_back(
          {quoted(N.Facts.Name) + " " + S.Description + " here", S.Where});
      return;
    }
    if (N.Best.Call < 0)
      return;
    const CallSite &C = N.Facts.Calls[N.Best.Call];
    const Node &T = Nodes[N.Best.Target];
    std::string Step =
        quoted(N.Facts.Name) + " " + callPhrase(C, T.Facts.Constructor);
    if (C.Kind != CallKind::Direct && T.Facts.Name != C.CalleeName)
      Step += ", which may be " + quoted(T.Facts.Name);
    if (T.Facts.InSystemHeader || !T.Facts.Defined) {
      Notes.push_back({Step + ", which " + describe(T, T.Best.Kind), C.Where});
      return;
    }
    Notes.push_back({Step, C.Where});
    X = N.Best.Target;
  }
}

template <typename Callback>
void HeapGraph::forEachReportableCall(Callback &&Visit) const {
  for (int I = 0, E = Nodes.size(); I < E; ++I) {
    const Node &N = Nodes[I];
    if (!N.Facts.Defined || N.Facts.InSystemHeader || N.Facts.Allowed ||
        (!InScope.empty() && !InScope[I]))
      continue;
    for (const CallSite &C : N.Facts.Calls)
      if (C.Reportable && !C.Accepted)
        Visit(I, C);
  }
}

std::vector<CallFinding> HeapGraph::callFindings() const {
  std::vector<CallFinding> Findings;
  forEachReportableCall([&](int I, const CallSite &C) {
    int Best = -1;
    for (int T : targets(C)) {
      const Node &Target = Nodes[T];
      if (Target.Facts.Allowed || Target.Best.Kind == Effect::None)
        continue;
      // Releasing memory is reported as a call only where it matters:
      // code reachable from a root that must not touch the heap.
      if (Target.Best.Kind == Effect::Releases && InScope.empty())
        continue;
      if (Best < 0 || Target.Best.Kind > Nodes[Best].Best.Kind ||
          (Target.Best.Kind == Nodes[Best].Best.Kind &&
           (Target.Best.Distance < Nodes[Best].Best.Distance ||
            (Target.Best.Distance == Nodes[Best].Best.Distance &&
             Target.Facts.USR < Nodes[Best].Facts.USR))))
        Best = T;
    }
    if (Best < 0)
      return;
    const Node &T = Nodes[Best];
    CallFinding F;
    F.Check = "noalloc-call";
    F.Where = C.Where;
    F.Message = (C.Kind == CallKind::Indirect ? "call through " : "call to ") +
                quoted(C.CalleeName) + " " +
                (T.Best.Kind == Effect::Allocates ? "may allocate on the heap"
                                                  : "may release heap memory");
    if (!InScope.empty()) {
      // Scoped mode: how a root reaches this function.
      std::vector<int> Path;
      for (int P = I; P >= 0; P = ScopeParent[P])
        Path.push_back(P);
      const Node &Root = Nodes[Path.back()];
      F.Notes.push_back(
          {quoted(Root.Facts.Name) + " must not allocate: it is a noalloc root",
           Root.Facts.Where});
      for (size_t K = Path.size() - 1; K > 0; --K) {
        const CallSite &Via =
            Nodes[Path[K]].Facts.Calls[ScopeParentCall[Path[K - 1]]];
        F.Notes.push_back(
            {quoted(Nodes[Path[K]].Facts.Name) + " " +
                 callPhrase(Via, Nodes[Path[K - 1]].Facts.Constructor),
             Via.Where});
      }
    }
    if (C.Kind != CallKind::Direct && T.Facts.Name != C.CalleeName)
      F.Notes.push_back(
          {quoted(C.CalleeName) + " may be " + quoted(T.Facts.Name) +
               (C.Kind == CallKind::Virtual ? ", which overrides it"
                                            : ", whose address is taken"),
           T.Facts.Where});
    if (!T.Facts.InSystemHeader && T.Facts.Defined)
      chain(Best, F.Notes);
    else if (!T.Facts.Defined && T.Facts.Summary < 0 && !T.LeafWhy.empty())
      F.Notes.push_back({quoted(T.Facts.Name) + " " + T.LeafWhy, C.Where});
    Findings.push_back(std::move(F));
  });
  return Findings;
}

std::vector<CallFinding> HeapGraph::unknownCallFindings() const {
  std::vector<CallFinding> Findings;
  forEachReportableCall([&](int, const CallSite &C) {
    std::vector<int> Ts = targets(C);
    if (Ts.size() != 1 || !Nodes[Ts[0]].Unknown)
      return;
    CallFinding F;
    F.Check = "noalloc-unknown-call";
    F.Where = C.Where;
    F.Message = C.Kind == CallKind::Indirect
                    ? "call through " + quoted(C.CalleeName) +
                          " reaches no function whose address is taken; "
                          "noalloc cannot tell whether it allocates"
                    : "call to " + quoted(C.CalleeName) +
                          " has no body or knowledge-base entry; noalloc "
                          "cannot tell whether it allocates";
    Findings.push_back(std::move(F));
  });
  return Findings;
}

std::vector<FunctionSummary> HeapGraph::functionSummaries() const {
  std::vector<FunctionSummary> Result;
  for (int I = 0, E = Nodes.size(); I < E; ++I) {
    const Node &N = Nodes[I];
    if (!N.Facts.Defined || N.Facts.InSystemHeader)
      continue;
    FunctionSummary S;
    S.Name = N.Facts.Name;
    S.USR = N.Facts.USR;
    S.Where = N.Facts.Where;
    S.MayAllocate = N.Best.Kind == Effect::Allocates;
    S.MayRelease = N.Best.Kind != Effect::None;
    if (N.Best.Kind != Effect::None)
      chain(I, S.Chain);
    Result.push_back(std::move(S));
  }
  llvm::sort(Result, [](const FunctionSummary &A, const FunctionSummary &B) {
    return std::tie(A.Where.File, A.Where.Offset) <
           std::tie(B.Where.File, B.Where.Offset);
  });
  return Result;
}

bool HeapGraph::isReported(const SourcePoint &Where) const {
  // The innermost function whose definition contains the point.
  int Inner = -1;
  for (int I = 0, E = Nodes.size(); I < E; ++I) {
    const FunctionFacts &F = Nodes[I].Facts;
    if (!F.Defined || F.Where.File != Where.File ||
        Where.Offset < F.Where.Offset || Where.Offset > F.EndOffset)
      continue;
    if (Inner < 0 || F.Where.Offset >= Nodes[Inner].Facts.Where.Offset)
      Inner = I;
  }
  if (Inner < 0)
    return InScope.empty(); // Declarations: reported unless scoped.
  if (Nodes[Inner].Facts.Allowed)
    return false;
  return InScope.empty() || InScope[Inner];
}

bool HeapGraph::explain(StringRef Pattern, raw_ostream &OS) const {
  std::vector<int> Matches;
  for (int I = 0, E = Nodes.size(); I < E; ++I)
    if (Nodes[I].Facts.Defined && matchesAny(Nodes[I].Facts, {Pattern.str()}))
      Matches.push_back(I);
  for (int Start : Matches) {
    const Node &S = Nodes[Start];
    // Every heap point reachable, each by its shortest path; library
    // functions are entry points, not descended into.
    std::vector<int> Parent(Nodes.size(), -1), ParentCall(Nodes.size(), -1);
    std::vector<bool> Seen(Nodes.size(), false);
    std::deque<int> Queue{Start};
    Seen[Start] = true;
    struct Point {
      int Node;
      int Site; // -1: the node itself is a leaf or a library function
    };
    std::vector<Point> Points;
    while (!Queue.empty()) {
      int I = Queue.front();
      Queue.pop_front();
      const Node &N = Nodes[I];
      if (N.Facts.InSystemHeader || !N.Facts.Defined) {
        if (N.Best.Kind != Effect::None)
          Points.push_back({I, -1});
        continue;
      }
      for (int K = 0, KE = N.Facts.Sites.size(); K < KE; ++K)
        if (!N.Facts.Sites[K].Accepted)
          Points.push_back({I, K});
      for (int C = 0, CE = N.Facts.Calls.size(); C < CE; ++C) {
        if (N.Facts.Calls[C].Accepted)
          continue;
        for (int T : targets(N.Facts.Calls[C]))
          if (!Seen[T] && !Nodes[T].Facts.Allowed) {
            Seen[T] = true;
            Parent[T] = I;
            ParentCall[T] = C;
            Queue.push_back(T);
          }
      }
    }
    if (Points.empty()) {
      OS << quoted(S.Facts.Name) << " does not use the heap\n";
      continue;
    }
    OS << quoted(S.Facts.Name) << " may use the heap by " << Points.size()
       << (Points.size() == 1 ? " path:\n" : " paths:\n");
    auto Loc = [](const SourcePoint &P) {
      return P.File + ":" + std::to_string(P.Line) + ":" +
             std::to_string(P.Column);
    };
    int Number = 0;
    for (const Point &P : Points) {
      OS << "  path " << ++Number << ":\n";
      std::vector<int> Path;
      for (int I = P.Node; I != Start; I = Parent[I])
        Path.push_back(I);
      int From = Start;
      for (auto It = Path.rbegin(); It != Path.rend(); ++It) {
        const CallSite &C = Nodes[From].Facts.Calls[ParentCall[*It]];
        OS << "    " << Loc(C.Where) << ": " << quoted(Nodes[From].Facts.Name)
           << " " << callPhrase(C, Nodes[*It].Facts.Constructor);
        if (C.Kind != CallKind::Direct && Nodes[*It].Facts.Name != C.CalleeName)
          OS << ", which may be " << quoted(Nodes[*It].Facts.Name);
        if (P.Site < 0 && *It == P.Node)
          OS << ", which " << describe(Nodes[*It], Nodes[*It].Best.Kind);
        OS << "\n";
        From = *It;
      }
      if (P.Site >= 0) {
        const HeapSite &Site = Nodes[P.Node].Facts.Sites[P.Site];
        OS << "    " << Loc(Site.Where) << ": "
           << quoted(Nodes[P.Node].Facts.Name) << " " << Site.Description
           << "\n";
      }
    }
  }
  return !Matches.empty();
}

} // namespace noalloc
