//===--- HeapReport.cpp - What the linked program says, in words ----------===//

#include "report/HeapReport.h"
#include "CheckRegistry.h"
#include "utils/Phrases.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/xxhash.h"
#include <algorithm>
#include <array>
#include <memory>
#include <numeric>

using namespace llvm;

namespace noalloc {

using Node = HeapGraph::Node;

StringRef effectName(Effect E) {
  switch (E) {
  case Effect::None:
    return "none";
  case Effect::Releases:
    return "releases";
  case Effect::AllocatesOnFailure:
    return "allocates-on-failure";
  case Effect::Bounded:
    return "bounded";
  case Effect::Unknown:
    return "unknown";
  case Effect::Allocates:
    return "allocates";
  }
  llvm_unreachable("unknown effect");
}

/// A member's construction or destruction that no code writes, named by
/// the member: "destruction of member 'name_' ('std::string')" (\p Verb:
/// "destroys member ..."), "of members 'a_' and 'b_'" when several of one
/// type are made or destroyed at one place; empty for any other call.
static std::string memberPhrase(const LinkedCall &C, bool Verb) {
  if (C.member().empty())
    return "";
  bool Destroys = StringRef(C.CalleeName).rsplit("::").second.starts_with("~");
  StringRef Action = Destroys ? (Verb ? "destroys" : "destruction of")
                              : (Verb ? "constructs" : "construction of");
  llvm::SmallVector<StringRef, 2> Names;
  C.member().split(Names, ',');
  std::vector<std::string> Members;
  for (StringRef Name : Names)
    Members.push_back(quoted(Name));
  return Action.str() + (Names.size() > 1 ? " members " : " member ") +
         joinList(Members) + " (" + quoted(C.memberType()) + ")";
}

/// Whether \p C is a 'throw' of a failure-exception class: a call of its
/// stand-in, named by the exception ('etl::vector_full').
static bool throwsFailureException(const LinkedCall &C) {
  return C.Callee.starts_with(FailureThrowPrefix);
}

/// "calls 'f'", or for a constructor "constructs 'std::string'", for a
/// throw "throws 'etl::vector_full'".
static std::string callPhrase(const LinkedCall &C, bool Constructor) {
  if (std::string Member = memberPhrase(C, /*Verb=*/true); !Member.empty())
    return Member;
  if (throwsFailureException(C))
    return "throws " + quoted(C.CalleeName);
  if (Constructor) {
    StringRef Name = C.CalleeName;
    size_t Scope = Name.rfind("::");
    if (Scope != StringRef::npos)
      return "constructs " + quoted(Name.take_front(Scope));
  }
  if (C.Kind == CallKind::Indirect || C.Kind == CallKind::Block)
    return "calls through " + quoted(C.CalleeName);
  return "calls " + quoted(C.CalleeName);
}

/// Call \p C of a chain, which reaches \p T: "calls 'f'", and which
/// function a pointer or a virtual call may be.
static std::string callOf(const LinkedCall &C, const Node &T) {
  // A library's call, whose callee's name the facts do not keep.
  if (C.CalleeName.empty())
    return (C.Kind == CallKind::Direct ? "calls "
                                       : "makes a call that may be ") +
           quoted(T.Facts.Name);
  std::string Phrase = callPhrase(C, T.Facts.Constructor);
  // A library function summarised by its unit keeps no name.
  if (C.Kind != CallKind::Direct && T.Facts.Name != C.CalleeName &&
      !T.Facts.Name.empty())
    Phrase += ", which may be " + quoted(T.Facts.Name);
  return Phrase;
}

/// What a function at the end of a path does for \p C, in a few words.
static std::string leafPhrase(const Node &T, Cause C) {
  if (!T.leafWhy(C).empty())
    return T.leafWhy(C).str();
  switch (C) {
  case Cause::Allocation:
  case Cause::Assumed:
  case Cause::MayAllocate:
    return "may allocate on the heap";
  case Cause::Release:
    return "may release heap memory";
  case Cause::Unseen:
    return "cannot be seen into";
  case Cause::Failure:
    return failurePhrase("", "");
  case Cause::Bounded:
    return boundedPhrase();
  }
  llvm_unreachable("unknown cause");
}

std::string leftOutMessage(size_t Count) {
  return std::to_string(Count) + (Count == 1 ? " step" : " steps") +
         " not shown";
}

std::optional<size_t> leftOutSteps(StringRef Message) {
  size_t Count = 0;
  if (Message.consumeInteger(10, Count) ||
      (Message != " steps not shown" && Message != " step not shown"))
    return std::nullopt;
  return Count;
}

/// Appends the steps \p Offset to \p Offset + \p Count of a chain that
/// \p Window shows, each made by \p Step when shown, and one note for each
/// run of steps it leaves out (a run of one step is shown: its note would
/// take the same place).
static void appendShown(const ChainWindow &Window, size_t Offset, size_t Count,
                        function_ref<ChainStep(size_t)> Step,
                        std::vector<ChainStep> &Notes) {
  for (size_t K = 0; K < Count;) {
    size_t End = std::min(Window.nextShown(Offset + K) - Offset, Count);
    if (End - K < 2) {
      Notes.push_back(Step(K++));
      continue;
    }
    Notes.push_back({leftOutMessage(End - K), Step(K).Where});
    K = End;
  }
}

namespace {

/// Paths that share their steps, as a forest: each node's next step is its
/// witness's target, its caller in scoped mode or its parent in a search.
/// The length of each node's walk, the node near its end and its last node
/// are settled once for all the walks through it, so a report finds the
/// ends of a long path without walking it.
class PathForest {
public:
  /// The nodes a window may need at each end of a path: the first steps,
  /// those around the finding (at the junction of two paths) and the last.
  static constexpr size_t Margin =
      ChainWindow::First + ChainWindow::AroundFinding + ChainWindow::Last + 2;

  /// \p OnPath: whether a node is a step of a walk at all; \p Next: the
  /// step after a node (-1 at the end).
  PathForest(size_t Size, std::function<bool(int)> OnPath,
             std::function<int(int)> Next)
      : OnPath(std::move(OnPath)), NextOf(std::move(Next)),
        Length(Size, Unsettled), NearEnd(Size, -1), End(Size, -1) {}

  /// The number of steps of the walk from \p X (0 if \p X is on none).
  size_t length(int X) {
    if (X < 0 || !OnPath(X))
      return 0;
    settle(X);
    return Length[X];
  }
  /// The first node of \p X's walk with at most Margin steps left.
  int nearEnd(int X) {
    settle(X);
    return NearEnd[X];
  }
  /// The last node of \p X's walk.
  int end(int X) {
    settle(X);
    return End[X];
  }
  int next(int X) const {
    int N = NextOf(X);
    return N >= 0 && OnPath(N) ? N : -1;
  }

private:
  static constexpr unsigned Unsettled = ~0u, Settling = ~0u - 1;

  /// Walks from \p From to the first settled node, then settles the nodes
  /// on the way from the end back. A cycle (which a witness never makes)
  /// ends the walk where it closes.
  void settle(int From) {
    std::vector<int> Stack;
    int X = From;
    for (; X >= 0 && Length[X] == Unsettled; X = next(X)) {
      Length[X] = Settling;
      Stack.push_back(X);
    }
    bool Settled = X >= 0 && Length[X] != Settling;
    unsigned Steps = Settled ? Length[X] : 0;
    int Near = Settled ? NearEnd[X] : -1, Last = Settled ? End[X] : -1;
    for (int Y : llvm::reverse(Stack)) {
      if (++Steps <= Margin)
        Near = Y;
      if (Last < 0)
        Last = Y;
      Length[Y] = Steps;
      NearEnd[Y] = Near;
      End[Y] = Last;
    }
  }

  std::function<bool(int)> OnPath;
  std::function<int(int)> NextOf;
  std::vector<unsigned> Length;
  std::vector<int> NearEnd, End;
};

/// The steps of one walk by position (0: the node it starts from), found
/// from its two ends: a window asks for its first and last steps only.
class Walk {
public:
  Walk() = default;
  Walk(PathForest &F, int From) : Forest(&F), Length(F.length(From)) {
    size_t Ends = std::min(Length, PathForest::Margin);
    for (int X = From; X >= 0 && Head.size() < Ends; X = F.next(X))
      Head.push_back(X);
    if (Length > PathForest::Margin)
      for (int X = F.nearEnd(From); X >= 0 && Tail.size() < Ends; X = F.next(X))
        Tail.push_back(X);
  }
  size_t size() const { return Length; }
  int operator[](size_t K) const {
    if (K < Head.size())
      return Head[K];
    if (K + Tail.size() >= Length)
      return Tail[K + Tail.size() - Length];
    // The middle of a long path, which no window shows: walked.
    int X = Head.back();
    for (size_t I = Head.size() - 1; I < K; ++I)
      X = Forest->next(X);
    return X;
  }

private:
  PathForest *Forest = nullptr;
  size_t Length = 0;
  std::vector<int> Head, Tail;
};

/// The walks a report cuts its chains from: each cause's witness paths,
/// how roots reach functions in scoped mode, and where each path ends.
class ReportPaths {
public:
  explicit ReportPaths(const HeapGraph &G) : G(G) {}

  /// The functions the witness path of \p C from \p Start goes through,
  /// one note each (a call, or the heap site at the end), down to the
  /// first function that is a cause itself: one without a body in user
  /// code, or library code that does what it reaches (not its user code).
  Walk witness(int Start, Cause C) {
    std::unique_ptr<PathForest> &F = Witnesses[unsigned(C)];
    if (!F)
      F = std::make_unique<PathForest>(
          G.size(),
          [this, C](int X) {
            const Witness &W = G.node(X).witness(C);
            return W.Site >= 0 || W.Call >= 0;
          },
          [this, C](int X) {
            const Witness &W = G.node(X).witness(C);
            return W.Site >= 0 ? -1 : W.Target;
          });
    return Walk(*F, Start);
  }
  /// The function at the end of the witness path of \p C from \p Start,
  /// through library code too.
  int end(int Start, Cause C) {
    std::unique_ptr<PathForest> &F = Ends[unsigned(C)];
    if (!F)
      F = std::make_unique<PathForest>(
          G.size(), [](int) { return true; },
          [this, C](int X) { return G.node(X).witness(C).Target; });
    return F->end(Start);
  }
  /// Scoped mode: the functions from \p I up to the root that reaches it
  /// (run order is the other way).
  Walk fromRoot(int I) { return Walk(scope(), I); }
  /// The root that reaches \p I in scoped mode.
  int root(int I) { return scope().end(I); }

private:
  PathForest &scope() {
    if (!Scope)
      Scope = std::make_unique<PathForest>(
          G.size(), [](int) { return true; },
          [this](int X) { return G.scopeParent(X); });
    return *Scope;
  }

  const HeapGraph &G;
  std::array<std::unique_ptr<PathForest>, NumCauses> Witnesses, Ends;
  std::unique_ptr<PathForest> Scope;
};

} // namespace

/// The words that say a library's client may redirect a call, which the
/// summary line counts apart (UnseenCalls::add).
static constexpr llvm::StringLiteral ClientCode = "client code outside the run";

/// "call to 'Sink::write', which client code outside the run may
/// override", "call through 'cfg->log', which client code outside the run
/// may set" ("may pass" for a parameter) (\p Verb "call", or "calls" in a
/// step): a call
/// HeapGraph::redirectedByClients.
static std::string clientWords(const HeapGraph &G, const LinkedCall &C,
                               StringRef Verb) {
  // A passing call names what it passes on: a parameter, or a followed
  // pointer ('run(r->fn)').
  StringRef Pointer = C.Pointer;
  if (Pointer.consume_front(PassedPrefix))
    Pointer = Pointer.split('|').second;
  if (C.Kind == CallKind::Indirect)
    return (Verb == "call" ? "call through " : "calls through ") +
           quoted(C.CalleeName) + ", which " + ClientCode.str() +
           (Pointer.starts_with(ParameterPrefix) ? " may pass" : " may set");
  // A library summary keeps its calls without their names.
  std::string Name = C.CalleeName.str();
  if (int F = G.find(C.Callee); Name.empty() && F >= 0)
    Name = G.node(F).Facts.Name;
  return (Verb == "call" ? "call to " : "calls ") + quoted(Name) + ", which " +
         ClientCode.str() + " may override";
}

/// "call to 'on_overflow', which is weak: code outside the run may replace
/// it" (\p Verb "call", or "calls" in a step): a call
/// HeapGraph::replaceableOutside.
static std::string weakWords(const LinkedCall &C, StringRef Verb) {
  return (Verb == "call" ? "call to " : "calls ") + quoted(C.CalleeName) +
         ", which is weak: code outside the run may replace it";
}

/// "'f' calls 'g'": \p Caller's call \p C of \p T, with the function an
/// indirect call may be and, at the end of a path, what \p T does (\p Why).
/// A call that no function of the program answers says what noalloc
/// cannot see instead.
static std::string callStep(const HeapGraph &G, const Node &Caller,
                            const LinkedCall &C, const Node &T, StringRef Why) {
  std::string Step = quoted(Caller.Facts.Name) + " ";
  if (T.isUnknownTargets()) {
    if (std::string Unfollowed = G.unfollowedCallable(C); !Unfollowed.empty())
      return Step + "calls the std::function " + quoted(C.CalleeName) +
             ", and noalloc cannot see all it may hold (" + Unfollowed + ")";
    if (G.redirectedByClients(C))
      return Step + clientWords(G, C, "calls");
    if (G.replaceableOutside(C))
      return Step + weakWords(C, "calls");
    if (C.Kind == CallKind::Indirect)
      return Step + "calls through function pointer " + quoted(C.CalleeName) +
             " whose targets noalloc cannot see";
    if (C.Kind == CallKind::Block)
      return Step + "calls through block " + quoted(C.CalleeName) +
             " whose code noalloc cannot see";
    return Step + "calls " + quoted(C.CalleeName) +
           ", whose code noalloc cannot see";
  }
  Step += callOf(C, T);
  // The exception is named already: what the throw does, as noalloc-throw
  // says it.
  if (throwsFailureException(C))
    return Step + ", which allocates the exception object (a failure path)";
  if (!Why.empty())
    Step += ", which " + Why.str();
  return Step;
}

/// Whether the witness path of \p C goes on from \p T: a user function's
/// body, or the user code a library function calls.
static bool continues(const Node &T, Cause C) {
  return T.isUserDefinition() || T.witness(C).Call >= 0;
}

/// The note of \p X, a function on the witness path of \p C.
static ChainStep witnessStep(const HeapGraph &G, int X, Cause C) {
  const Node &N = G.node(X);
  const Witness &W = N.witness(C);
  if (W.Site >= 0) {
    const HeapSite &S = N.Facts.Sites[W.Site];
    return {quoted(N.Facts.Name) + " " + S.Description + " here", S.Where};
  }
  const LinkedCall &Call = N.Calls[W.Call];
  const Node &T = G.node(W.Target);
  return {callStep(G, N, Call, T, continues(T, C) ? "" : leafPhrase(T, C)),
          Call.Where.point()};
}

/// Appends the notes of the witness path \p Path of \p C, steps \p Offset
/// on of a chain \p Window shows.
static void appendChain(const HeapGraph &G, const Walk &Path, Cause C,
                        const ChainWindow &Window, size_t Offset,
                        std::vector<ChainStep> &Notes) {
  appendShown(
      Window, Offset, Path.size(),
      [&](size_t K) { return witnessStep(G, Path[K], C); }, Notes);
}

/// What \p Target does on its failure path: the words of the function at
/// the end of the path if it is a leaf that says them, else the exception.
static std::string failureWords(const HeapGraph &G, ReportPaths &Paths,
                                int Target) {
  const Node &End = G.node(Paths.end(Target, Cause::Failure));
  if (End.Leaf[unsigned(Cause::Failure)])
    return End.leafWhy(Cause::Failure).str();
  return failurePhrase(G.failureException(Target), "");
}

std::vector<std::string> reachingRoots(const HeapGraph &G,
                                       ArrayRef<SourcePoint> Where) {
  std::vector<std::string> Roots;
  ReportPaths Paths(G);
  for (const SourcePoint &P : Where) {
    int Function = G.hasRoots() ? G.functionAt(P) : -1;
    Roots.push_back(Function < 0 || !G.inScope(Function)
                        ? ""
                        : G.node(Paths.root(Function)).Facts.Name);
  }
  return Roots;
}

/// Step \p K of how a root reaches a function (\p Up: from the function
/// up to the root): the root, then one note per call.
static ChainStep rootStep(const HeapGraph &G, const Walk &Up, size_t K) {
  size_t Last = Up.size() - 1;
  if (K == 0) {
    const Node &Root = G.node(Up[Last]);
    return {quoted(Root.Facts.Name) +
                " must not allocate: it is a noalloc root",
            Root.Facts.Where};
  }
  const Node &Callee = G.node(Up[Last - K]);
  const Node &Caller = G.node(Up[Last - K + 1]);
  const LinkedCall &Via = Caller.Calls[G.scopeParentCall(Up[Last - K])];
  return {quoted(Caller.Facts.Name) + " " + callOf(Via, Callee),
          Via.Where.point()};
}

namespace {

/// A call of a reported function that reaches the heap (or, in scoped
/// mode, code the run cannot see), through \p Target.
struct Candidate {
  int Call;
  int Target;
  Effect Reached;
};

/// Picks the calls noalloc-call may report from one function.
class CallSelector {
public:
  CallSelector(const HeapGraph &G, const KnowledgeBase &KB,
               const ReportOptions &Options)
      : G(G), KB(KB), Options(Options) {}

  /// The calls of \p Function through which it reaches the heap, and those
  /// through which it reaches code nobody can see, in source order.
  void select(int Function, std::vector<Candidate> &Heap,
              std::vector<Candidate> &Unseen);

private:
  /// The target that makes a call worst, and what it reaches.
  struct Worst {
    int Target;
    Effect Reached;
  };
  bool leftToDirectCheck(const LinkedCall &Call) const;
  /// The target that makes a call through the list \p List worst, if
  /// any: the same for every call through it, so found once.
  std::optional<Worst> worstTarget(unsigned List);

  const HeapGraph &G;
  const KnowledgeBase &KB;
  const ReportOptions &Options;
  /// worstTarget's answers, by list.
  std::vector<std::optional<std::optional<Worst>>> WorstOfList;
};

} // namespace

bool CallSelector::leftToDirectCheck(const LinkedCall &Call) const {
  // With roots, a member's or a global's declaration is no code a root
  // reaches, and its finding is dropped: the call is noalloc-call's. So is
  // a captured variable's when no root reaches the function declaring it.
  if (Call.ObjectOutside && G.hasRoots() &&
      (Call.objectDeclared().File.empty() ||
       !G.isReported(Call.objectDeclared().point())))
    return false;
  const FunctionEntry *Entry = nullptr;
  // A call the extractor found allocating by its arguments, a literal
  // '%ms' scanf format: the callee's own summary says so. One with a buffer
  // (realpath(path, buf)) does what its entry's not-null-effect says.
  bool AllocatesHere = false;
  bool MayAllocateHere = false;
  if (Call.Kind != CallKind::Indirect)
    if (int Callee = G.find(Call.Callee); Callee >= 0) {
      const FunctionFacts &F = G.node(Callee).Facts;
      Entry = KB.function(F.KnowledgeName, F.CopyOrMove);
      AllocatesHere = F.Summary.Summarised && F.Summary.Allocates;
      MayAllocateHere = G.node(Callee).isMayAllocateCall();
    }
  StringRef Check = checkReportingCall(Call, Entry);
  // noalloc-c-allocation reports a may-allocate function only when asked.
  if (Check == "noalloc-c-allocation" &&
      (Entry->Effect == FunctionEffect::MayAllocate || MayAllocateHere) &&
      !Options.Policy.ReportMayAllocate && !AllocatesHere)
    return false;
  return !Check.empty() && Options.CheckEnabled(Check);
}

std::optional<CallSelector::Worst> CallSelector::worstTarget(unsigned List) {
  if (WorstOfList.empty())
    WorstOfList.resize(G.callTargets().lists());
  std::optional<std::optional<Worst>> &Known = WorstOfList[List];
  if (Known)
    return *Known;
  std::optional<Worst> Best;
  auto Rank = [&](const Worst &A) {
    const Node &T = G.node(A.Target);
    Cause Deciding = G.decidingCause(A.Target, Options.Policy);
    return std::make_tuple(-int(A.Reached), T.witness(Deciding).Distance,
                           StringRef(T.Facts.USR));
  };
  for (int T : G.callTargets().members(List)) {
    if (G.node(T).Facts.Allowed)
      continue;
    Effect E = G.effect(T, Options.Policy);
    // Releasing memory and unseen code matter where nothing may touch the
    // heap: in code reachable from a root.
    if (E == Effect::None ||
        ((E == Effect::Releases || E == Effect::Unknown) && !G.hasRoots()))
      continue;
    Worst Next{T, E};
    if (!Best || Rank(Next) < Rank(*Best))
      Best = Next;
  }
  Known = Best;
  return Best;
}

void CallSelector::select(int Function, std::vector<Candidate> &Heap,
                          std::vector<Candidate> &Unseen) {
  const std::vector<LinkedCall> &Calls = G.node(Function).Calls;
  for (int I = 0, E = Calls.size(); I < E; ++I) {
    const LinkedCall &C = Calls[I];
    if (C.Accepted || C.Where.File.empty() || leftToDirectCheck(C))
      continue;
    std::optional<Worst> W = worstTarget(G.callTargets().listOf(Function, I));
    // What a 'catch' handler allocates, it allocates only on failure.
    if (W && C.InCatch && W->Reached == Effect::Allocates) {
      if (!Options.Policy.counts(Cause::Failure))
        continue;
      W->Reached = Effect::AllocatesOnFailure;
    }
    if (W)
      (W->Reached == Effect::Unknown ? Unseen : Heap)
          .push_back({I, W->Target, W->Reached});
  }
  // A call that allocates comes before one that allocates only when it
  // fails, and both before one that only releases: the first warning shows
  // the function's answer.
  auto Weaker = [](const Candidate &C) {
    if (C.Reached == Effect::Releases)
      return 2;
    // Running out of a bounded resource is a failure path too.
    return C.Reached == Effect::AllocatesOnFailure ||
                   C.Reached == Effect::Bounded
               ? 1
               : 0;
  };
  auto InSource = [&](const Candidate &A, const Candidate &B) {
    int WeakerA = Weaker(A), WeakerB = Weaker(B);
    return std::tie(WeakerA, Calls[A.Call].Where.File,
                    Calls[A.Call].Where.Offset, A.Call) <
           std::tie(WeakerB, Calls[B.Call].Where.File,
                    Calls[B.Call].Where.Offset, B.Call);
  };
  llvm::sort(Heap, InSource);
  llvm::sort(Unseen, InSource);
}

/// Why dispatched call \p C may run \p Target: it overrides the method
/// called, it or a method it overrides is stored into the pointer, or its
/// address is taken.
static std::string dispatchWords(const HeapGraph &G, const LinkedCall &C,
                                 int Target) {
  if (C.Kind == CallKind::Virtual)
    return ", which overrides it";
  if (StringRef(G.node(Target).Facts.USR).starts_with(CallableOperatorPrefix))
    return ", its type's call operator";
  auto Why = [&](int F) {
    return G.storedInto(C, F) ? ", which is stored into it"
                              : ", whose address is taken";
  };
  const FunctionFacts &T = G.node(Target).Facts;
  if (T.AddressTaken || G.storedInto(C, Target))
    return Why(Target);
  // A pointer to a virtual member runs the object's overrider.
  for (const std::string &USR : T.Overrides) {
    int O = G.find(USR);
    if (O >= 0 && (G.node(O).Facts.AddressTaken || G.storedInto(C, O)))
      return ", which overrides " + quoted(G.node(O).Facts.Name) + Why(O);
  }
  return Why(Target);
}

/// Why the policy \p P counts a leaf of cause \p C as allocating, as the
/// end of its note; empty when it allocates whatever the policy.
static std::string countedBecause(Cause C, Policy P) {
  bool ByPolicy = C == Cause::Unseen || C == Cause::Assumed ||
                  (C == Cause::MayAllocate && P.isStrict());
  if (ByPolicy)
    return " (the strict policy counts it as allocating)";
  if (C == Cause::MayAllocate)
    return " (ReportMayAllocate counts it as allocating)";
  return "";
}

/// How a finding names the call \p C: "call to 'f'", "call through 'fp'",
/// "'throw' of 'E'", or what it does to a member ("destruction of member
/// 'name_' ('std::string')").
static std::string callPhrase(const LinkedCall &C) {
  std::string Member = memberPhrase(C, /*Verb=*/false);
  if (!Member.empty())
    return Member;
  return (throwsFailureException(C) ? "'throw' of "
          : C.Kind == CallKind::Indirect || C.Kind == CallKind::Block
              ? "call through "
              : "call to ") +
         quoted(C.CalleeName);
}

/// The message of the call \p C of \p Function, named \p Call, whose reach
/// to \p Target noalloc cannot see whole.
static std::string cannotShowMessage(const HeapGraph &G, ReportPaths &Paths,
                                     int Function, const LinkedCall &C,
                                     int Target, Cause Deciding,
                                     const std::string &Call) {
  const Node &T = G.node(Target);
  const Node &End = G.node(Paths.end(Target, Deciding));
  std::string Why;
  if (T.isUnknownTargets())
    Why = callStep(G, G.node(Function), C, T, "");
  else if (End.isUnknownTargets())
    // The call names the function the notes' chain starts from.
    Why = Call + " reaches a call through a pointer whose targets noalloc "
                 "cannot see";
  else
    Why = quoted(End.Facts.Name) + " " + leafPhrase(End, Deciding);
  return "cannot show that " + quoted(G.node(Paths.root(Function)).Facts.Name) +
         " is allocation-free: " + Why;
}

/// The message of the finding for the selected call \p Chosen of
/// \p Function.
static std::string callMessage(const HeapGraph &G, ReportPaths &Paths,
                               int Function, const Candidate &Chosen,
                               Cause Deciding) {
  const LinkedCall &C = G.node(Function).Calls[Chosen.Call];
  std::string Call = callPhrase(C);
  switch (Chosen.Reached) {
  case Effect::Unknown:
    return cannotShowMessage(G, Paths, Function, C, Chosen.Target, Deciding,
                             Call);
  case Effect::AllocatesOnFailure:
    if (C.InCatch && Deciding != Cause::Failure)
      return Call + " may allocate only when it fails (it runs in a "
                    "'catch' handler)";
    // The culprit names the exception already.
    if (throwsFailureException(C))
      return Call + " " + failurePhrase("", "");
    return Call + " " + failureWords(G, Paths, Chosen.Target);
  case Effect::Bounded:
    return Call + " " + boundedFailurePhrase();
  case Effect::Allocates:
    return Call + " may allocate on the heap";
  default:
    return Call + " may release heap memory";
  }
}

/// The note on the leaf \p T the call \p C of \p Function reaches, which
/// says why it counts (\p Message is the finding's): none when the
/// message says it already.
static std::optional<ChainStep> leafNote(const HeapGraph &G, int Function,
                                         const LinkedCall &C, const Node &T,
                                         Cause Deciding, Policy P,
                                         const std::string &Message) {
  std::string Words =
      (T.isUnknownTargets()
           ? callStep(G, G.node(Function), C, T, "")
           : quoted(T.Facts.Name) + " " + leafPhrase(T, Deciding)) +
      countedBecause(Deciding, P);
  // "call to '__assert_fail' may allocate only when it fails (...)" says
  // already what the leaf's note would.
  if (Message == "call to " + Words || throwsFailureException(C))
    return std::nullopt;
  return ChainStep{std::move(Words), C.Where.point()};
}

/// The notes of the finding for the selected call \p Chosen of
/// \p Function, in run order: how the root reaches the function, which
/// function the call may reach, and its path to the heap. Each path is
/// found from its ends: the steps between cost nothing.
static void appendCallNotes(const HeapGraph &G, ReportPaths &Paths,
                            int Function, const Candidate &Chosen,
                            Cause Deciding, Policy P, CallFinding &F) {
  const LinkedCall &C = G.node(Function).Calls[Chosen.Call];
  const Node &T = G.node(Chosen.Target);
  Walk Roots = G.hasRoots() ? Paths.fromRoot(Function) : Walk();
  bool MayBe = C.Kind != CallKind::Direct && T.Facts.Name != C.CalleeName &&
               !T.Facts.Name.empty() && !T.isUnknownTargets();
  Walk Path =
      continues(T, Deciding) ? Paths.witness(Chosen.Target, Deciding) : Walk();
  // A summary's words say no more than the message; the knowledge's do,
  // and so do a bounded resource's (why it fails).
  bool Leaf = !continues(T, Deciding) && Chosen.Reached != Effect::Unknown &&
              (!T.Facts.Summary.Summarised || T.isMayAllocateCall() ||
               Deciding == Cause::Bounded) &&
              T.Leaf[unsigned(Deciding)]; // The message names unseen code.
  size_t Finding = Roots.size();
  ChainWindow Window(Finding + 1 + MayBe + Path.size() + Leaf, Finding);
  appendShown(
      Window, 0, Roots.size(), [&](size_t K) { return rootStep(G, Roots, K); },
      F.Notes);
  // A library function's declaration (stdlib.h) says nothing of this
  // program: the call is where the user looks.
  if (MayBe)
    F.Notes.push_back(
        {quoted(C.CalleeName) + " may be " + quoted(T.Facts.Name) +
             dispatchWords(G, C, Chosen.Target),
         T.Facts.InSystemHeader ? C.Where.point() : T.Facts.Where});
  appendChain(G, Path, Deciding, Window, Finding + 1 + MayBe, F.Notes);
  if (Leaf)
    if (std::optional<ChainStep> Note =
            leafNote(G, Function, C, T, Deciding, P, F.Message))
      F.Notes.push_back(std::move(*Note));
}

/// The finding for one selected call of \p Function.
static CallFinding callFinding(const HeapGraph &G, ReportPaths &Paths,
                               int Function, const Candidate &Chosen,
                               Policy P) {
  const LinkedCall &C = G.node(Function).Calls[Chosen.Call];
  Cause Deciding = G.decidingCause(Chosen.Target, P);
  CallFinding F;
  F.Check = "noalloc-call";
  F.Where = C.Where.point();
  F.Message = callMessage(G, Paths, Function, Chosen, Deciding);
  appendCallNotes(G, Paths, Function, Chosen, Deciding, P, F);
  if (!C.objectParameter().empty())
    F.Notes.push_back(
        {quoted(C.objectParameter()) +
             " is a parameter: its memory resource is its callers', and "
             "noalloc shows it bounded only in a function that no other unit "
             "can call, when every call passes a bounded one",
         C.Where.point()});
  return F;
}

/// The finding for a heap site of \p Function that noalloc-call reports
/// itself: the first use of a thread_local whose destructor is registered
/// for thread exit.
static CallFinding siteFinding(const HeapGraph &G, ReportPaths &Paths,
                               int Function, const HeapSite &S) {
  CallFinding F;
  F.Check = "noalloc-call";
  F.Where = S.Where;
  F.Message = "first use of thread_local " + quoted(S.Variable) +
              " in a thread may allocate on the heap";
  Walk Roots = G.hasRoots() ? Paths.fromRoot(Function) : Walk();
  appendShown(
      ChainWindow(Roots.size() + 2, Roots.size()), 0, Roots.size(),
      [&](size_t K) { return rootStep(G, Roots, K); }, F.Notes);
  F.Notes.push_back(
      {quoted(G.node(Function).Facts.Name) + " " + S.Description, S.Where});
  return F;
}

/// One finding per location: a template's instantiations share their
/// calls' locations, and one warning is enough for each.
static void keepOnePerLocation(std::vector<CallFinding> &Findings) {
  // Sorted by place, then message; among equals, the first made wins.
  std::vector<size_t> Order(Findings.size());
  for (size_t I = 0; I < Order.size(); ++I)
    Order[I] = I;
  llvm::sort(Order, [&](size_t A, size_t B) {
    const CallFinding &FA = Findings[A], &FB = Findings[B];
    return std::tie(FA.Where.File, FA.Where.Offset, FA.Check, FA.Message, A) <
           std::tie(FB.Where.File, FB.Where.Offset, FB.Check, FB.Message, B);
  });
  std::vector<CallFinding> Kept;
  for (size_t I : Order) {
    const CallFinding &F = Findings[I];
    if (!Kept.empty() && Kept.back().Where.File == F.Where.File &&
        Kept.back().Where.Offset == F.Where.Offset &&
        Kept.back().Check == F.Check)
      continue;
    Kept.push_back(std::move(Findings[I]));
  }
  Findings = std::move(Kept);
}

/// Whether noalloc-call looks at \p I's calls at all. A function the
/// compiler declared (Channel's implicit constructor) has no code of its
/// own: the call of it is the one warning, its calls the notes.
/// A specialisation's calls are looked at when its function's are not:
/// only the calls that rule out some of its code reach it.
static bool isReportedFunction(const HeapGraph &G, int I) {
  const Node &N = G.node(I);
  return N.isUserDefinition() && !N.Facts.Allowed && G.inScope(I) &&
         (!N.Facts.Implicit || llvm::is_contained(G.roots(), I)) &&
         !(N.isSpecialisation() && isReportedFunction(G, N.Original));
}

std::vector<CallFinding> callFindings(const HeapGraph &G,
                                      const KnowledgeBase &KB,
                                      const ReportOptions &Options) {
  std::vector<CallFinding> Findings;
  CallSelector Selector(G, KB, Options);
  ReportPaths Paths(G);
  for (int I = 0, E = G.size(); I < E; ++I) {
    if (!isReportedFunction(G, I))
      continue;
    for (const HeapSite &S : G.node(I).Facts.Sites)
      if (!S.Accepted && checkReportingSite(S.Kind) == "noalloc-call")
        Findings.push_back(siteFinding(G, Paths, I, S));
    std::vector<Candidate> Heap, Unseen;
    Selector.select(I, Heap, Unseen);
    for (const std::vector<Candidate> *Group : {&Heap, &Unseen}) {
      if (Group->empty())
        continue;
      size_t Shown = Options.EveryCall ? Group->size() : 1;
      for (size_t K = 0; K < Shown; ++K)
        Findings.push_back(
            callFinding(G, Paths, I, (*Group)[K], Options.Policy));
      if (size_t More = Group->size() - Shown) {
        const LinkedCall &Next = G.node(I).Calls[(*Group)[Shown].Call];
        Findings.back().Notes.push_back(
            {"and " + std::to_string(More) + " more " +
                 (More == 1 ? "call" : "calls") + " in " +
                 quoted(G.node(I).Facts.Name) +
                 (Group == &Heap ? " that may use the heap"
                                 : " into code noalloc cannot see"),
             Next.Where.point()});
      }
    }
  }
  keepOnePerLocation(Findings);
  return Findings;
}

namespace {
/// The first target of a call that noalloc cannot see into (no body, no
/// summary, no knowledge), or -1: found once per list of targets, which
/// the calls that dispatch alike share (N calls of a method with N
/// overriders read N targets, not N * N).
class OpaqueTargets {
public:
  explicit OpaqueTargets(const HeapGraph &G)
      : G(G), OfList(G.callTargets().lists(), -2) {}

  int of(int I, int K) {
    unsigned L = G.callTargets().listOf(I, K);
    if (OfList[L] == -2) {
      OfList[L] = -1;
      for (int T : G.callTargets().members(L))
        if (G.node(T).Opaque) {
          OfList[L] = T;
          break;
        }
    }
    return OfList[L];
  }

private:
  const HeapGraph &G;
  std::vector<int> OfList; // -2: not known yet
};
} // namespace

/// The words of a call through a pointer or block that no function of the
/// program answers, and only of those: the summary line counts them apart
/// (UnseenCalls::add).
static constexpr llvm::StringLiteral ReachesNothing = " reaches no ";
/// The words that start a call of a std::function noalloc cannot follow
/// whole, which the summary line also counts apart.
static constexpr llvm::StringLiteral OfStdFunction =
    "call of the std::function ";

/// The words of a call into code noalloc cannot see: the call itself when
/// its one target is that code, else the target it may reach.
static std::string unfollowedMessage(const HeapGraph &G, const LinkedCall &C,
                                     int I, int K, int Target) {
  static constexpr const char *CannotTell =
      "; noalloc cannot tell whether it allocates";
  if (std::string Unfollowed = G.unfollowedCallable(C);
      !Unfollowed.empty() && G.node(Target).isUnknownTargets())
    return OfStdFunction.str() + quoted(C.CalleeName) +
           " may run code noalloc cannot see (" + Unfollowed + ")" + CannotTell;
  if (G.node(Target).isUnknownTargets() && G.redirectedByClients(C))
    return clientWords(G, C, "call") + CannotTell;
  if (G.node(Target).isUnknownTargets() && G.replaceableOutside(C))
    return weakWords(C, "call") + CannotTell;
  if (G.targets(I, K).size() > 1)
    return (C.Kind == CallKind::Indirect ? "call through " : "call to ") +
           quoted(C.CalleeName) + " may reach " +
           quoted(G.node(Target).Facts.Name) +
           ", which has no body or knowledge-base entry" + CannotTell;
  if (C.Kind == CallKind::Block)
    return "call through block " + quoted(C.CalleeName) + ReachesNothing.str() +
           "known function" + CannotTell;
  if (C.Kind == CallKind::Indirect)
    return "call through " + quoted(C.CalleeName) + ReachesNothing.str() +
           "function whose address is taken" + CannotTell;
  return "call to " + quoted(C.CalleeName) +
         " has no body or knowledge-base entry" + CannotTell;
}

std::vector<CallFinding> unknownCallFindings(const HeapGraph &G,
                                             const ReportOptions &Options) {
  std::vector<CallFinding> Findings;
  OpaqueTargets Opaque(G);
  for (int I = 0, E = G.size(); I < E; ++I) {
    if (!isReportedFunction(G, I))
      continue;
    const std::vector<LinkedCall> &Calls = G.node(I).Calls;
    for (int K = 0, KE = Calls.size(); K < KE; ++K) {
      const LinkedCall &C = Calls[K];
      if (C.Accepted || C.Where.File.empty())
        continue;
      int Target = Opaque.of(I, K);
      if (Target < 0)
        continue;
      CallFinding F;
      F.Check = "noalloc-unknown-call";
      F.Where = C.Where.point();
      F.Message = unfollowedMessage(G, C, I, K, Target);
      Findings.push_back(std::move(F));
    }
  }
  keepOnePerLocation(Findings);
  return Findings;
}

std::string UnseenCalls::describe() const {
  auto Calls = [](unsigned N) {
    return std::to_string(N) + (N == 1 ? " call" : " calls");
  };
  std::vector<std::pair<unsigned, std::string>> Kinds;
  if (Undefined)
    Kinds.push_back({Undefined, " into code no analysed file defines"});
  if (Pointers)
    Kinds.push_back(
        {Pointers,
         Pointers == 1
             ? " through a function pointer whose targets noalloc cannot see"
             : " through function pointers whose targets noalloc cannot "
               "see"});
  if (Open)
    Kinds.push_back(
        {Open, " that " + ClientCode.str() + " may send to code of its own"});
  if (Callables)
    Kinds.push_back(
        {Callables, Callables == 1
                        ? " of a std::function that may hold code noalloc "
                          "cannot see"
                        : " of std::function objects that may hold code "
                          "noalloc cannot see"});
  if (Kinds.empty())
    return "";
  if (Kinds.size() == 1)
    return Calls(Kinds[0].first) + Kinds[0].second + " could not be followed";
  std::string Line = Calls(total()) + " could not be followed:";
  for (size_t I = 0; I < Kinds.size(); ++I)
    Line += (I ? ", " : " ") + std::to_string(Kinds[I].first) + Kinds[I].second;
  return Line;
}

void UnseenCalls::add(llvm::StringRef UnknownCallMessage) {
  if (UnknownCallMessage.starts_with(OfStdFunction))
    ++Callables;
  else if (UnknownCallMessage.contains(ClientCode))
    ++Open;
  else if (UnknownCallMessage.contains(ReachesNothing))
    ++Pointers;
  else
    ++Undefined;
}

void UnseenCalls::noteOpenEntry(const HeapGraph &G) {
  int E = G.entryOpenToClients();
  if (E < 0)
    return;
  const FunctionFacts &F = G.node(E).Facts;
  OpenEntry = quoted(F.Name) + " (" + F.Where.File + ":" +
              std::to_string(F.Where.Line) + ")";
}

std::string UnseenCalls::openEntryLine() const {
  if (!Open || OpenEntry.empty())
    return "";
  return "the run defines 'main' but is taken as a library's: nothing in it "
         "calls " +
         OpenEntry +
         ", which has external linkage; 'WholeProgram: true' says that no "
         "code outside the run calls into it";
}

bool isFailurePathMessage(llvm::StringRef Message) {
  return !Message.starts_with("cannot show") &&
         Message.contains(" " + failurePhrase("", ""));
}

/// The step of \p I's path through the function \p T.Passer passes for a
/// parameter \p I calls or passes on.
static ChainStep parameterStep(const HeapGraph &G, int I,
                               const HeapGraph::ParameterTarget &T) {
  const LinkedCall &Call = G.node(I).Calls[T.Call];
  std::string Name = quoted(G.node(I).Facts.Name);
  std::string Passed = "'" + G.node(T.Passer).Facts.Name + "' passes '" +
                       G.node(T.Target).Facts.Name + "'";
  ChainStep Step;
  Step.Where = Call.Where.point();
  Step.Message = Call.Pointer.starts_with(ParameterPrefix)
                     ? Name + " calls its parameter '" + Call.CalleeName.str() +
                           "', for which " + Passed
                     : Name +
                           " passes its parameter on to a call of it, for "
                           "which " +
                           Passed;
  return Step;
}

/// A function's own answer counts what it runs through its function-pointer
/// parameters, which the link charges to the callers that pass them (so
/// that 'invoke(quiet)' stays clean): the worst function any caller passes,
/// its path after the step that names the argument.
static void addParameterTargets(const HeapGraph &G, Policy P, int I,
                                ReportPaths &Paths, FunctionSummary &S) {
  for (const HeapGraph::ParameterTarget &T : G.parameterTargets(I)) {
    S.Lattice = std::max(S.Lattice, G.lattice(T.Target));
    Effect Through = G.effect(T.Target, P);
    if (Through <= S.Answer)
      continue;
    S.Answer = Through;
    S.Chain = {parameterStep(G, I, T)};
    Cause C = G.decidingCause(T.Target, P);
    Walk Path = Paths.witness(T.Target, C);
    appendChain(G, Path, C, ChainWindow(Path.size(), 0), 0, S.Chain);
  }
}

std::vector<FunctionSummary> functionSummaries(const HeapGraph &G, Policy P) {
  std::vector<FunctionSummary> Result;
  ReportPaths Paths(G);
  for (int I = 0, E = G.size(); I < E; ++I) {
    const Node &N = G.node(I);
    if (!N.isUserDefinition() || N.isSpecialisation())
      continue;
    FunctionSummary S;
    S.Name = N.Facts.Name;
    S.USR = N.Facts.USR;
    S.Where = N.Facts.Where;
    S.Root = N.Facts.Root;
    S.Lattice = G.lattice(I);
    S.Answer = G.effect(I, P);
    if (S.Answer != Effect::None) {
      Cause C = G.decidingCause(I, P);
      Walk Path = Paths.witness(I, C);
      appendChain(G, Path, C, ChainWindow(Path.size(), 0), 0, S.Chain);
    }
    addParameterTargets(G, P, I, Paths, S);
    // A bounded resource allocates the std::bad_alloc it throws when
    // exhausted, as a failure path does.
    S.MayAllocate = S.Answer == Effect::Allocates ||
                    S.Answer == Effect::AllocatesOnFailure ||
                    S.Answer == Effect::Bounded;
    S.MayRelease = S.Answer != Effect::None && S.Answer != Effect::Unknown;
    Result.push_back(std::move(S));
  }
  llvm::sort(Result, [](const FunctionSummary &A, const FunctionSummary &B) {
    return std::tie(A.Where.File, A.Where.Offset, A.USR) <
           std::tie(B.Where.File, B.Where.Offset, B.USR);
  });
  return Result;
}

namespace {
/// A heap point --explain lists: a site, or a function without a body
/// that is a cause itself.
struct Point {
  int Node;
  int Site; // -1: the node itself
};
} // namespace

/// Every heap point reachable from \p Start, by the shortest path.
static std::vector<Point> heapPoints(const HeapGraph &G, int Start,
                                     std::vector<int> &Parent,
                                     std::vector<int> &ParentCall) {
  std::vector<Point> Points;
  for (int I : G.reachable({Start}, &Parent, &ParentCall)) {
    const Node &N = G.node(I);
    // Library functions are heap points for what they do themselves: the
    // user code they call is descended into. A function of the user's code
    // is one for what it is besides its body: an inline-only body's
    // external definition that the run lacks, a heap function of the
    // knowledge base.
    if (llvm::is_contained(N.Leaf, true))
      Points.push_back({I, -1});
    if (!N.isUserDefinition())
      continue;
    for (int K = 0, KE = N.Facts.Sites.size(); K < KE; ++K)
      if (!N.Facts.Sites[K].Accepted)
        Points.push_back({I, K});
  }
  return Points;
}

/// The causes --explain names, strongest first; what lenient accepts
/// (library code that may allocate on some inputs, assumptions about
/// library code) comes last.
static constexpr Cause ExplainOrder[] = {
    Cause::Allocation, Cause::Unseen,      Cause::Bounded, Cause::Failure,
    Cause::Release,    Cause::MayAllocate, Cause::Assumed};
/// The causes a policy counts, strongest first: what the strict policy
/// counts of library code (may-allocate, assumed) allocates, before what
/// allocates only on failure.
static constexpr Cause CountedOrder[] = {
    Cause::Allocation, Cause::Unseen,  Cause::Bounded, Cause::MayAllocate,
    Cause::Assumed,    Cause::Failure, Cause::Release};

/// Whether \p N, a heap point without a site, stands for \p C: a library
/// function for what it reaches, a function of the user's code for what it
/// is itself (its body's sites and calls are points of their own).
static bool pointReaches(const Node &N, Cause C) {
  return N.isUserDefinition() ? N.Leaf[unsigned(C)] : N.reaches(C);
}

/// The cause \p N stands for when it is a heap point without a site: the
/// strongest one it reaches that \p P counts, else the strongest it reaches
/// (which \p P accepts); and whether \p P counts it.
static std::pair<Cause, bool> pointCause(const Node &N, Policy P) {
  for (Cause C : CountedOrder)
    if (pointReaches(N, C) && P.counts(C))
      return {C, true};
  for (Cause C : ExplainOrder)
    if (pointReaches(N, C))
      return {C, false};
  return {Cause::Release, false};
}

/// The words for a point without a site: its cause under \p P.
static std::string pointPhrase(const HeapGraph &G, ReportPaths &Paths, int I,
                               Policy P) {
  Cause C = pointCause(G.node(I), P).first;
  return C == Cause::Failure ? failureWords(G, Paths, I)
                             : leafPhrase(G.node(I), C);
}

/// What a function whose verdict is none does: nothing, or only what the
/// run's policy accepts (the verdict says none in both cases).
static constexpr StringLiteral CleanPhrase = "does not use the heap";
static constexpr StringLiteral AcceptedPhrase =
    "may use the heap only by paths the run's policy accepts";

/// "'printf', '__assert_fail' and 2 more": what accepted paths end in, so
/// that the reader knows what the policy accepted.
static std::string someNames(ArrayRef<std::string> Names) {
  std::vector<std::string> Shown;
  for (const std::string &Name : Names.take_front(3))
    Shown.push_back(quoted(Name));
  return joinList(Shown, Names.size() - Shown.size());
}

namespace {
/// The paths of each cause a policy accepts, which --explain leaves out
/// (the verdict is the policy's) and counts, naming the option that would
/// count them.
class AcceptedPaths {
public:
  /// A path of cause \p C that ends in the library function \p End.
  void add(Cause C, StringRef End) {
    ++Count[unsigned(C)];
    std::vector<std::string> &Seen = Ends[unsigned(C)];
    if (!End.empty() && !llvm::is_contained(Seen, End))
      Seen.push_back(End.str());
  }
  bool empty() const {
    return llvm::all_of(Count, [](size_t N) { return N == 0; });
  }
  /// What a function that reaches no counted point does, when these are
  /// its paths: not "does not use the heap" if the policy accepts some.
  StringRef cleanPhrase() const {
    return empty() ? CleanPhrase : AcceptedPhrase;
  }
  void print(raw_ostream &OS) const {
    for (Cause C : ExplainOrder)
      if (size_t N = Count[unsigned(C)]) {
        auto [What, Option] = accepted(C);
        OS << "  not shown: " << N << (N == 1 ? " path to " : " paths to ")
           << What;
        if (!Ends[unsigned(C)].empty())
          OS << " (" << someNames(Ends[unsigned(C)]) << ")";
        OS << ", accepted by the run's policy ('" << Option << "' counts "
           << (N == 1 ? "it" : "them") << ")\n";
      }
  }

private:
  /// What a policy may accept, and the option that counts it.
  static std::pair<StringRef, StringRef> accepted(Cause C) {
    switch (C) {
    case Cause::Assumed:
      return {"library code that has no body to analyse",
              "noalloc-call.Policy: strict"};
    case Cause::MayAllocate:
      return {"library code that may allocate on some inputs",
              "noalloc-c-allocation.ReportMayAllocate: true"};
    case Cause::Failure:
      return {"library code that may allocate only when it fails",
              "noalloc-call.FailurePaths: report"};
    default:
      llvm_unreachable("counted under every policy");
    }
  }
  std::array<size_t, NumCauses> Count{};
  std::array<std::vector<std::string>, NumCauses> Ends;
};
} // namespace

/// A step of a path --explain prints: \p Caller calls \p Callee by \p C;
/// at the end of the path (\p End), what the callee does.
static ChainStep explainCall(const HeapGraph &G, int Caller,
                             const LinkedCall &C, int Callee, bool End,
                             StringRef Why) {
  return {callStep(G, G.node(Caller), C, G.node(Callee), End ? Why : ""),
          C.Where.point()};
}

static ChainStep explainSite(const HeapGraph &G, int I, int Site) {
  const HeapSite &S = G.node(I).Facts.Sites[Site];
  return {quoted(G.node(I).Facts.Name) + " " + S.Description, S.Where};
}

/// Prints the steps of a path of \p Length steps that a window shows.
static void printSteps(size_t Length, function_ref<ChainStep(size_t)> Step,
                       raw_ostream &OS) {
  std::vector<ChainStep> Steps;
  appendShown(ChainWindow(Length, 0), 0, Length, Step, Steps);
  for (const ChainStep &S : Steps)
    OS << "    " << fileLineColumn(S.Where) << ": " << S.Message << "\n";
}

/// What \p Start runs through its function-pointer parameters that \p P
/// counts, as the JSON verdict counts it (addParameterTargets): for each
/// function a caller passes, the step that names it, then its own path.
static std::vector<std::vector<ChainStep>>
parameterPaths(const HeapGraph &G, ReportPaths &Paths, int Start, Policy P) {
  std::vector<std::vector<ChainStep>> Result;
  for (const HeapGraph::ParameterTarget &T : G.parameterTargets(Start)) {
    if (G.effect(T.Target, P) == Effect::None)
      continue;
    std::vector<ChainStep> Chain = {parameterStep(G, Start, T)};
    Cause C = G.decidingCause(T.Target, P);
    Walk Path = Paths.witness(T.Target, C);
    appendChain(G, Path, C, ChainWindow(Path.size(), 0), 0, Chain);
    Result.push_back(std::move(Chain));
  }
  return Result;
}

/// Says how many paths \p Name uses the heap by (\p Shortest: the link's
/// shortest of each kind), or that it does not.
static void printPathCount(StringRef Name, size_t Count, bool Shortest,
                           const AcceptedPaths &Accepted, raw_ostream &OS) {
  if (Count == 0) {
    OS << quoted(Name) << " " << Accepted.cleanPhrase() << "\n";
    return;
  }
  OS << quoted(Name) << " may use the heap by " << Count;
  if (Shortest)
    OS << (Count == 1 ? " path, the shortest:\n"
                      : " paths, the shortest of each kind:\n");
  else
    OS << (Count == 1 ? " path:\n" : " paths:\n");
}

/// The paths through parameters, numbered after the \p Number others.
static void
printParameterPaths(const std::vector<std::vector<ChainStep>> &Chains,
                    int Number, raw_ostream &OS) {
  for (const std::vector<ChainStep> &Chain : Chains) {
    OS << "  path " << ++Number << ":\n";
    for (const ChainStep &S : Chain)
      OS << "    " << fileLineColumn(S.Where) << ": " << S.Message << "\n";
  }
}

/// One function: every heap point it reaches that \p P counts, each by its
/// shortest path, from a search of its own.
static void printEveryPath(const HeapGraph &G, ReportPaths &Paths, int Start,
                           Policy P, raw_ostream &OS) {
  std::vector<int> Parent, ParentCall;
  std::vector<Point> Points;
  AcceptedPaths Accepted;
  for (const Point &X : heapPoints(G, Start, Parent, ParentCall)) {
    // A site in user code counts under every policy.
    const Node &N = G.node(X.Node);
    bool Counted = pointCause(N, P).second;
    if (X.Site >= 0 || Counted)
      Points.push_back(X);
    // What the policy accepts of the point is said too ('std::mutex::lock'
    // fails by throwing, and pthread_mutex_lock may allocate).
    if (X.Site < 0)
      for (Cause Other : ExplainOrder)
        if (pointReaches(N, Other) && !P.counts(Other))
          Accepted.add(Other, N.Facts.Name);
  }
  std::vector<std::vector<ChainStep>> Through =
      parameterPaths(G, Paths, Start, P);
  printPathCount(G.node(Start).Facts.Name, Points.size() + Through.size(),
                 /*Shortest=*/false, Accepted, OS);
  // The search's tree, walked from a point up to the start.
  PathForest Search(
      G.size(), [&](int X) { return X != Start; },
      [&](int X) { return Parent[X]; });
  int Number = 0;
  for (const Point &Pt : Points) {
    OS << "  path " << ++Number << ":\n";
    Walk Up(Search, Pt.Node);
    size_t Calls = Up.size();
    auto Step = [&](size_t K) -> ChainStep {
      if (K == Calls)
        return explainSite(G, Pt.Node, Pt.Site);
      int Callee = Up[Calls - 1 - K], Caller = K ? Up[Calls - K] : Start;
      bool End = Pt.Site < 0 && Callee == Pt.Node;
      return explainCall(G, Caller, G.node(Caller).Calls[ParentCall[Callee]],
                         Callee, End,
                         End ? pointPhrase(G, Paths, Callee, P) : "");
    };
    printSteps(Calls + (Pt.Site >= 0), Step, OS);
  }
  printParameterPaths(Through, Number, OS);
  Accepted.print(OS);
}

/// The library function the witness path of \p C from \p Start ends in.
static StringRef witnessEnd(const HeapGraph &G, ReportPaths &Paths, int Start,
                            Cause C) {
  Walk Path = Paths.witness(Start, C);
  if (Path.size() == 0)
    return "";
  const Witness &W = G.node(Path[Path.size() - 1]).witness(C);
  return W.Site < 0 && W.Target >= 0 ? StringRef(G.node(W.Target).Facts.Name)
                                     : StringRef();
}

/// Step \p K of \p Path, the link's shortest path of \p C, as --explain
/// says it: a call, or the heap site at the end; the last call says what
/// its callee does.
static ChainStep shortestPathStep(const HeapGraph &G, ReportPaths &Paths,
                                  const Walk &Path, size_t K, Cause C) {
  int X = Path[K];
  const Witness &W = G.node(X).witness(C);
  if (W.Site >= 0)
    return explainSite(G, X, W.Site);
  bool End = K + 1 == Path.size();
  std::string Why;
  if (End)
    Why = C == Cause::Failure ? failureWords(G, Paths, W.Target)
                              : leafPhrase(G.node(W.Target), C);
  return explainCall(G, X, G.node(X).Calls[W.Call], W.Target, End, Why);
}

/// One of several functions: its shortest path to each cause it reaches
/// that \p P counts, as the link step found them (no search of its own).
static void printShortestPaths(const HeapGraph &G, ReportPaths &Paths,
                               int Start, Policy P, raw_ostream &OS) {
  const Node &S = G.node(Start);
  std::vector<Cause> Reached;
  AcceptedPaths Accepted;
  for (Cause C : ExplainOrder)
    if (S.reaches(C) && P.counts(C))
      Reached.push_back(C);
    else if (S.reaches(C))
      Accepted.add(C, witnessEnd(G, Paths, Start, C));
  std::vector<std::vector<ChainStep>> Through =
      parameterPaths(G, Paths, Start, P);
  printPathCount(S.Facts.Name, Reached.size() + Through.size(),
                 /*Shortest=*/true, Accepted, OS);
  int Number = 0;
  for (Cause C : Reached) {
    OS << "  path " << ++Number << ":\n";
    Walk Path = Paths.witness(Start, C);
    printSteps(
        Path.size(),
        [&](size_t K) { return shortestPathStep(G, Paths, Path, K, C); }, OS);
  }
  printParameterPaths(Through, Number, OS);
  Accepted.print(OS);
}

/// A library function named by the pattern: what it does, as an entry
/// point, and whether the policy accepts it.
static void printLibraryFunction(const HeapGraph &G, ReportPaths &Paths,
                                 int Start, Policy P, raw_ostream &OS) {
  const Node &S = G.node(Start);
  OS << quoted(S.Facts.Name);
  if (G.lattice(Start) == Effect::None) {
    OS << " does not use the heap\n";
    return;
  }
  OS << " is library code that " << pointPhrase(G, Paths, Start, P);
  if (!pointCause(S, P).second)
    OS << ", accepted by the run's policy";
  OS << "\n";
}

bool explain(const HeapGraph &G, StringRef Pattern, Policy P, raw_ostream &OS) {
  std::vector<int> Matches;
  for (int I = 0, E = G.size(); I < E; ++I) {
    const Node &N = G.node(I);
    // A lambda has one node per unit that includes it: its USR says which.
    bool Named = (N.Facts.Defined || N.Facts.Summary.Summarised) &&
                 !N.isSpecialisation();
    if (Named && HeapGraph::matches(N.Facts, Pattern))
      Matches.push_back(I);
  }
  ReportPaths Paths(G);
  // One function: a search from it; several ('*'): the link step's
  // shortest paths, so the cost is linear in what is printed.
  bool Several = Matches.size() > 1;
  // A header's static function is one node per unit that includes it,
  // each with the same paths: one explanation is enough (kept as hashes:
  // '*' explains the whole program).
  llvm::DenseSet<uint64_t> Printed;
  for (int Start : Matches) {
    std::string Block;
    raw_string_ostream Out(Block);
    if (!G.node(Start).isUserDefinition())
      printLibraryFunction(G, Paths, Start, P, Out);
    else if (Several)
      printShortestPaths(G, Paths, Start, P, Out);
    else
      printEveryPath(G, Paths, Start, P, Out);
    if (Printed.insert(llvm::xxh3_64bits(Block)).second)
      OS << Block;
  }
  return !Matches.empty();
}

/// Adds to \p Out the calls of \p Function into library code that may
/// allocate on some inputs; \p Seen keeps each place once (a header's
/// function is a node per unit).
static void
addAcceptedLibraryCalls(const HeapGraph &G, int Function,
                        DenseSet<std::pair<StringRef, unsigned>> &Seen,
                        AcceptedLibraryCalls &Out) {
  const std::vector<LinkedCall> &Calls = G.node(Function).Calls;
  for (int K = 0, E = Calls.size(); K < E; ++K) {
    const LinkedCall &C = Calls[K];
    if (C.Accepted || C.Where.File.empty())
      continue;
    for (int T : G.callTargets().of(Function, K)) {
      const Node &Target = G.node(T);
      if (Target.isUserDefinition() || !Target.reaches(Cause::MayAllocate))
        continue;
      if (!Seen.insert({C.Where.File, C.Where.Offset}).second)
        break;
      ++Out.Calls;
      if (!llvm::is_contained(Out.Callees, Target.Facts.Name))
        Out.Callees.push_back(Target.Facts.Name);
      break;
    }
  }
}

/// The library calls that may allocate which \p P accepts, of the
/// reported functions among \p Functions.
static AcceptedLibraryCalls acceptedLibraryCalls(const HeapGraph &G, Policy P,
                                                 ArrayRef<int> Functions) {
  AcceptedLibraryCalls Accepted;
  if (P.counts(Cause::MayAllocate))
    return Accepted;
  DenseSet<std::pair<StringRef, unsigned>> Seen;
  for (int I : Functions)
    if (isReportedFunction(G, I))
      addAcceptedLibraryCalls(G, I, Seen, Accepted);
  return Accepted;
}

AcceptedLibraryCalls acceptedLibraryCalls(const HeapGraph &G, Policy P) {
  std::vector<int> Every(G.size());
  std::iota(Every.begin(), Every.end(), 0);
  return acceptedLibraryCalls(G, P, Every);
}

/// "1 library call that may allocate on some inputs": how the summary and
/// a root's line count them.
static std::string libraryCalls(unsigned N) {
  return std::to_string(N) + (N == 1 ? " library call" : " library calls") +
         " that may allocate on some inputs";
}

std::string AcceptedLibraryCalls::describe() const {
  if (!Calls)
    return "";
  return libraryCalls(Calls) + (Calls == 1 ? " was" : " were") + " accepted (" +
         someNames(Callees) +
         "): 'noalloc-c-allocation.ReportMayAllocate: true' or "
         "'noalloc-call.Policy: strict' reports " +
         (Calls == 1 ? "it" : "them") + ", --explain=<function> shows " +
         (Calls == 1 ? "its path" : "their paths");
}

namespace {
/// A root and its answer under the run's policy.
struct RootAnswer {
  int Node;
  Effect Answer;
  /// The answer is none, and the policy accepts paths to the heap.
  bool Accepted;
  /// Another root shown has the same name.
  bool Overloaded = false;
};
} // namespace

/// What a root does, in a few words: of one root, or of \p Many.
static StringRef answerPhrase(const RootAnswer &R, bool Many) {
  switch (R.Answer) {
  case Effect::Allocates:
    return "may allocate";
  case Effect::Unknown:
    return "cannot be shown allocation-free";
  case Effect::Bounded:
    return Many ? "use a bounded memory resource"
                : "uses a bounded memory resource";
  case Effect::AllocatesOnFailure:
    return "may allocate only when a call fails";
  case Effect::Releases:
    return "may release heap memory";
  case Effect::None:
    break;
  }
  if (R.Accepted)
    return AcceptedPhrase;
  return Many ? "do not use the heap" : CleanPhrase;
}

/// \p Root's shortest path to what decides its answer, as --explain and
/// the JSON chain give it, in one line: the functions by name, joined by
/// arrows, then the last step in --explain's words; a long path cut as
/// every format cuts it (ChainWindow).
static std::string oneLinePath(const HeapGraph &G, ReportPaths &Paths, int Root,
                               Policy P) {
  Cause C = G.decidingCause(Root, P);
  Walk Path = Paths.witness(Root, C);
  std::vector<ChainStep> Steps;
  appendShown(
      ChainWindow(Path.size(), 0), 0, Path.size(),
      [&](size_t K) {
        if (K + 1 == Path.size())
          return shortestPathStep(G, Paths, Path, K, C);
        return ChainStep{quoted(G.node(Path[K]).Facts.Name), {}};
      },
      Steps);
  std::string Line;
  for (const ChainStep &S : Steps) {
    if (!Line.empty())
      Line += " -> ";
    Line += leftOutSteps(S.Message) ? "(" + S.Message + ")" : S.Message;
  }
  return Line;
}

/// How many functions of user code in \p Root's reach, besides it, may use
/// the heap under \p P, each as written once (a template's instantiations
/// and a header's copies are one): one search.
static size_t heapFunctionsInReach(const HeapGraph &G, int Root, Policy P) {
  const SourcePoint &Own = G.node(Root).Facts.Where;
  DenseSet<std::pair<StringRef, unsigned>> Counted;
  for (int I : G.reachable({Root})) {
    const Node &N = G.node(I);
    Effect E = G.effect(I, P);
    if (N.isUserDefinition() && E != Effect::None)
      Counted.insert({N.Facts.Where.File, N.Facts.Where.Offset});
  }
  Counted.erase({Own.File, Own.Offset});
  return Counted.size();
}

/// A shown root's line: its answer, its path and what else its reach does.
static std::string rootLine(const HeapGraph &G, ReportPaths &Paths,
                            const RootAnswer &R, Policy P) {
  const FunctionFacts &F = G.node(R.Node).Facts;
  StringRef Name = F.Name;
  std::string Line = "root " + quoted(Name) + " ";
  // Overloads share a name: the place tells them apart, the column those
  // that one line defines.
  if (R.Overloaded)
    Line += "(" + fileLineColumn(F.Where) + ") ";
  Line += answerPhrase(R, false).str();
  if (R.Answer == Effect::None) {
    if (!R.Accepted)
      return Line;
    AcceptedLibraryCalls Library =
        acceptedLibraryCalls(G, P, G.reachable({R.Node}));
    if (Library.Calls)
      Line += ", among them " + libraryCalls(Library.Calls) + " (" +
              someNames(Library.Callees) + "; see --explain=" + quoted(Name) +
              ")";
    return Line;
  }
  if (std::string Path = oneLinePath(G, Paths, R.Node, P); !Path.empty())
    Line += ": " + Path;
  if (size_t More = heapFunctionsInReach(G, R.Node, P))
    Line += "; " + std::to_string(More) +
            (More == 1 ? " other function" : " other functions") +
            " in its reach may use the heap (see --explain=" + quoted(Name) +
            ")";
  return Line;
}

/// "and 9980 more roots: 9000 may allocate, 980 do not use the heap":
/// \p Rest, sorted by answer, counted by answer.
static std::string otherRootsLine(ArrayRef<RootAnswer> Rest) {
  std::string Line = "and " + std::to_string(Rest.size()) +
                     (Rest.size() == 1 ? " more root: " : " more roots: ");
  for (size_t I = 0; I < Rest.size();) {
    size_t J = I;
    while (J < Rest.size() && Rest[J].Answer == Rest[I].Answer &&
           Rest[J].Accepted == Rest[I].Accepted)
      ++J;
    Line += (I ? ", " : "") + std::to_string(J - I) + " " +
            answerPhrase(Rest[I], J - I > 1).str();
    I = J;
  }
  return Line;
}

std::vector<std::string> rootAnswers(const HeapGraph &G, Policy P,
                                     size_t Shown) {
  std::vector<RootAnswer> Roots;
  for (int I : G.roots()) {
    Effect A = G.effect(I, P);
    Roots.push_back({I, A, A == Effect::None && G.lattice(I) != Effect::None});
  }
  // The worst answers first; a function one place defines is one root
  // (a header's static function is a node per unit).
  auto Key = [&](const RootAnswer &R) {
    const FunctionFacts &F = G.node(R.Node).Facts;
    return std::make_tuple(-int(R.Answer), !R.Accepted, StringRef(F.Where.File),
                           F.Where.Offset, StringRef(F.Name));
  };
  llvm::sort(Roots, [&](const RootAnswer &A, const RootAnswer &B) {
    return Key(A) < Key(B);
  });
  Roots.erase(std::unique(Roots.begin(), Roots.end(),
                          [&](const RootAnswer &A, const RootAnswer &B) {
                            return Key(A) == Key(B);
                          }),
              Roots.end());
  StringMap<unsigned> Named;
  for (size_t I = 0; I < Roots.size() && I < Shown; ++I)
    ++Named[G.node(Roots[I].Node).Facts.Name];
  for (size_t I = 0; I < Roots.size() && I < Shown; ++I)
    Roots[I].Overloaded = Named.lookup(G.node(Roots[I].Node).Facts.Name) > 1;
  std::vector<std::string> Lines;
  ReportPaths Paths(G);
  for (size_t I = 0; I < Roots.size() && I < Shown; ++I)
    Lines.push_back(rootLine(G, Paths, Roots[I], P));
  if (Roots.size() > Shown)
    Lines.push_back(otherRootsLine(ArrayRef(Roots).drop_front(Shown)));
  return Lines;
}

} // namespace noalloc
