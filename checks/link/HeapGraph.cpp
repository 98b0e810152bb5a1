//===--- HeapGraph.cpp - The linked program and its heap effects ----------===//

#include "link/HeapGraph.h"
#include "knowledge/StoredCallables.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/GlobPattern.h"
#include <deque>
#include <map>
#include <set>
#include <tuple>

using namespace llvm;

namespace noalloc {

/// \p Name without its template argument lists: 'ns::Box<int>::get' is
/// 'ns::Box::get'. The '<' of an operator's name stays ('operator<<').
static std::string withoutTemplateArguments(StringRef Name) {
  std::string Out;
  int Depth = 0;
  for (char C : Name) {
    if (Depth > 0) {
      Depth += C == '<' ? 1 : C == '>' ? -1 : 0;
      continue;
    }
    bool AfterIdentifier =
        !Out.empty() && (isAlnum(Out.back()) || Out.back() == '_');
    if (C == '<' && AfterIdentifier && !StringRef(Out).ends_with("operator")) {
      Depth = 1;
      continue;
    }
    Out += C;
  }
  return Out;
}

bool HeapGraph::matches(const FunctionFacts &F, StringRef Pattern) {
  if (Pattern == F.USR || Pattern == F.Name)
    return true;
  auto Glob = GlobPattern::create(Pattern);
  if (!Glob)
    return false;
  if (Glob->match(F.Name))
    return true;
  // A pattern without template arguments names every instantiation:
  // 'step' is 'step<int>' and 'step<double>' (review9).
  return !Pattern.contains('<') && F.Name.find('<') != std::string::npos &&
         Glob->match(withoutTemplateArguments(F.Name));
}

static bool matchesAny(const FunctionFacts &F,
                       const std::vector<std::string> &Patterns) {
  return llvm::any_of(Patterns, [&](const std::string &P) {
    return HeapGraph::matches(F, P);
  });
}

/// One definition seen from two units: an inline function, a template
/// instantiation.
static bool sameDefinition(const FunctionFacts &A, const FunctionFacts &B) {
  return A.Where.File == B.Where.File && A.Where.Offset == B.Where.Offset;
}

/// What the knowledge base says a function does to the heap itself, if it
/// allocates or releases: the phrase that ends its chains, with the
/// argument that decides it ('getcwd' allocates when argument 1 is null),
/// as noalloc-c-allocation says it at the call.
static std::optional<std::pair<Cause, std::string>>
heapEffect(const FunctionEntry &E) {
  switch (E.Effect) {
  case FunctionEffect::Allocates:
  case FunctionEffect::Reallocates: {
    std::string Words = "allocates on the heap";
    if (E.WhenNullArgument)
      Words += " when argument " + std::to_string(*E.WhenNullArgument + 1) +
               " is null";
    return std::make_pair(Cause::Allocation, std::move(Words));
  }
  case FunctionEffect::Releases:
    return std::make_pair(Cause::Release, std::string("releases heap memory"));
  default:
    return std::nullopt;
  }
}

/// Marks \p N as a cause of \p C itself, for the reason \p Why.
static void setLeaf(HeapGraph::Node &N, Cause C, StringRef Why) {
  N.Leaf[unsigned(C)] = true;
  N.words().Why[unsigned(C)] = Why.str();
}

/// A function of the user's code the knowledge base says allocates or
/// releases is the heap of its program, whatever its body does: FreeRTOS's
/// pvPortMalloc hands out blocks of a static array, and its callers use the
/// heap all the same. For the other effects the body decides (a firmware's
/// own printf that writes to a UART is not glibc's); a library's inline
/// functions keep their summaries (value semantics live there).
static void decideKnownHeapFunction(HeapGraph::Node &N,
                                    const KnowledgeBase &KB) {
  if (N.Facts.InSystemHeader)
    return;
  if (const FunctionEntry *E =
          KB.function(N.Facts.KnowledgeName, N.Facts.CopyOrMove))
    if (auto Effect = heapEffect(*E))
      setLeaf(N, Effect->first, Effect->second);
}

/// A function with a body: the knowledge base's, for a heap function of the
/// user's code; and a body only for inlining, without the external
/// definition a call may run instead, reaches code the run cannot see.
static void decideDefinedFunction(HeapGraph::Node &N, const KnowledgeBase &KB) {
  decideKnownHeapFunction(N, KB);
  if (N.Facts.InlineOnly)
    setLeaf(N, Cause::Unseen,
            "has only an inline definition in this run: a call may go to its "
            "external definition, which is in no analysed file");
}

HeapGraph::HeapGraph(std::vector<TranslationUnitFacts> Units,
                     const KnowledgeBase &KB, LinkOptions Opts)
    : HeapGraph(ProgramFacts(std::move(Units)), KB, std::move(Opts)) {}

HeapGraph::HeapGraph(ProgramFacts Program, const KnowledgeBase &KB,
                     LinkOptions Opts)
    : KB(KB), Options(std::move(Opts)) {
  join(Program);
  joinPointers(Program.units());
  // The rest of the link and the report read the graph only: the program's
  // keys and string table go now, not when the graph is complete.
  Program = ProgramFacts();
  for (int I = 0, E = Nodes.size(); I < E; ++I) {
    Node &N = Nodes[I];
    if (N.Facts.AddressEscapes)
      Escaping[I] = true;
    N.Facts.Root |= matchesAny(N.Facts, Options.Roots);
    N.Facts.Allowed |= matchesAny(N.Facts, Options.AllowedZones);
    for (const std::string &O : N.Facts.Overrides)
      Overriders[O].push_back(I);
    // Library functions count too: 'do_malloc = malloc' makes malloc a
    // target of every call through a pointer of its type.
    if (N.Facts.AddressTaken && !N.Facts.Signature.empty())
      BySignature[N.Facts.Signature].push_back(I);
    if (N.Facts.AddressTaken)
      for (const std::string &S : N.Facts.CastSignatures)
        BySignature[S].push_back(I);
    if (!N.Facts.Defined)
      decideLeaf(N);
    else
      decideDefinedFunction(N, KB);
    if (N.Facts.Root && N.Facts.Defined)
      RootNodes.push_back(I);
  }
  specialiseCalls();
  addCallableOperatorBodies();
  findCalledParameters();
  resolveWriters();
  resolveCalls();
  propagate();
  ScopeParent.assign(Nodes.size(), -1);
  ScopeParentCall.assign(Nodes.size(), -1);
  if (!RootNodes.empty()) {
    InScope.assign(Nodes.size(), false);
    for (int I : reachable(RootNodes, &ScopeParent, &ScopeParentCall))
      InScope[I] = true;
  }
  indexFunctions();
}

/// The points of \p A and \p B, each once, in order.
static std::vector<SourcePoint> joinPoints(const std::vector<SourcePoint> &A,
                                           const std::vector<SourcePoint> &B) {
  auto Key = [](const SourcePoint &P) { return std::tie(P.File, P.Offset); };
  std::vector<SourcePoint> Joined = A;
  Joined.insert(Joined.end(), B.begin(), B.end());
  llvm::sort(Joined, [&](const SourcePoint &L, const SourcePoint &R) {
    return Key(L) < Key(R);
  });
  Joined.erase(std::unique(Joined.begin(), Joined.end(),
                           [&](const SourcePoint &L, const SourcePoint &R) {
                             return Key(L) == Key(R);
                           }),
               Joined.end());
  return Joined;
}

void HeapGraph::join(ProgramFacts &Program) {
  // One node per USR; a definition wins over declarations, and flags seen
  // in any translation unit hold for the function. Among definitions (an
  // inline function in every unit that includes it) the first unit's, in
  // the order of the main files, so the result does not depend on the
  // order the units came in, with the sites and calls that other units
  // compiled into the same definition (joinVersion).
  std::vector<const ProgramFacts::Unit *> Order;
  for (const ProgramFacts::Unit &U : Program.units()) {
    Order.push_back(&U);
    MainFiles.insert(U.MainFile);
  }
  // Units of one main file in the order they came: their addresses, in one
  // vector. (Not stable_sort: libstdc++ 12's get_temporary_buffer is
  // deprecated, and clang 22 said so on every build.)
  llvm::sort(Order,
             [](const ProgramFacts::Unit *A, const ProgramFacts::Unit *B) {
               return std::tie(A->MainFile, A) < std::tie(B->MainFile, B);
             });
  // Facts stored once for several units: joining the same facts again
  // would change nothing. At most one node each, and the unknown node: the
  // nodes are the link's largest part, and would double as they grow.
  Nodes.reserve(Program.size() + 3);
  std::vector<bool> Joined(Program.size(), false);
  for (const ProgramFacts::Unit *U : Order)
    for (unsigned I : U->Functions)
      if (!Joined[I]) {
        Joined[I] = true;
        FunctionFacts F = Program.take(I);
        joinFunction(F);
      }
  addUnstoredCallableOperations();
  // Calls that no function of the program can answer end here.
  Nodes.emplace_back();
  Nodes.back().Facts.Name = "an unknown function";
  Nodes.back().Facts.USR = UnknownUSR.str();
  ByUSR[UnknownUSR] = int(Nodes.size()) - 1;
}

void joinSummary(LibrarySummary &Known, const LibrarySummary &S) {
  Known.Allocates |= S.Allocates;
  Known.Releases |= S.Releases;
  Known.Unknown |= S.Unknown;
  Known.MayAllocate |= S.MayAllocate;
  Known.AllocatesOnFailure |= S.AllocatesOnFailure;
  Known.Bounded |= S.Bounded;
  if (!S.Exception.empty() &&
      (Known.Exception.empty() || S.Exception < Known.Exception))
    Known.Exception = S.Exception;
}

/// The user code a library function calls, as each unit's summary of it
/// says (std::for_each of one lambda type, in two units), and the stored
/// callable's operations it makes: any of them, each once.
static void joinUserCallees(std::vector<LinkedCall> &Known,
                            std::vector<LinkedCall> Other) {
  auto Key = [](const LinkedCall &C) {
    return std::tie(C.Callee, C.Where.File, C.Where.Offset, C.InThrow);
  };
  for (LinkedCall &C : Other)
    if (llvm::none_of(Known,
                      [&](const LinkedCall &K) { return Key(K) == Key(C); }))
      Known.push_back(C);
}

void HeapGraph::addUnstoredCallableOperations() {
  // One pass over every call, then a node for each operation called and
  // not stored.
  unsigned Called = 0;
  for (const Node &N : Nodes)
    for (const LinkedCall &C : N.Calls)
      Called |= 1u << unsigned(callableOperationOf(C.Callee));
  for (CallableOperation Op : CallableOperations) {
    StringRef USR = callableOperationUSR(Op);
    if (!(Called & (1u << unsigned(Op))) || ByUSR.count(USR))
      continue;
    FunctionFacts F;
    F.USR = USR.str();
    F.Name = F.KnowledgeName = callableOperationName(Op).str();
    F.InSystemHeader = true;
    joinFunction(F);
  }
}

StringRef HeapGraph::keep(StringRef S) {
  return S.empty() ? StringRef() : Strings->Unique.save(S);
}

LinkedPoint HeapGraph::keep(const SourcePoint &P) {
  return {keep(P.File), P.Offset, P.Line, P.Column};
}

/// Whether \p C has one of the fields LinkedCall keeps apart.
static bool hasDetails(const CallSite &C) {
  const SourcePoint &D = C.ObjectDeclared;
  return !C.Member.empty() || !C.MemberType.empty() ||
         !C.ObjectParameter.empty() || !D.File.empty() || D.Offset || D.Line ||
         D.Column || !C.Guards.empty() || !C.Arguments.empty();
}

std::vector<LinkedCall> HeapGraph::link(std::vector<CallSite> Calls) {
  std::vector<LinkedCall> Linked;
  Linked.reserve(Calls.size());
  for (const CallSite &C : Calls) {
    LinkedCall &L = Linked.emplace_back();
    L.Callee = keep(C.Callee);
    L.CalleeName = keep(C.CalleeName);
    L.Pointer = keep(C.Pointer);
    L.Where = keep(C.Where);
    L.Kind = C.Kind;
    L.Object = C.Object;
    L.Accepted = C.Accepted;
    L.ObjectOutside = C.ObjectOutside;
    L.InThrow = C.InThrow;
    L.InNoReturnCall = C.InNoReturnCall;
    L.InCatch = C.InCatch;
    L.Nonallocating = C.Nonallocating;
    L.OpenToClients = C.OpenToClients;
    if (hasDetails(C))
      L.Details = &Details.emplace_back(CallDetails{
          keep(C.Member), keep(C.MemberType), keep(C.ObjectDeclared),
          keep(C.ObjectParameter), C.Guards, C.Arguments});
  }
  return Linked;
}

// A field added to CallSite is LinkedCall's too: link() and site() copy
// every one.
#if defined(__GLIBCXX__) && __SIZEOF_POINTER__ == 8
static_assert(sizeof(CallSite) == 376,
              "a field added to CallSite goes into LinkedCall too");
#endif

CallSite LinkedCall::site() const {
  CallSite C;
  C.Kind = Kind;
  C.Callee = Callee.str();
  C.CalleeName = CalleeName.str();
  C.Where = Where.point();
  C.Accepted = Accepted;
  C.Object = Object;
  C.ObjectOutside = ObjectOutside;
  C.ObjectDeclared = objectDeclared().point();
  C.Member = member().str();
  C.MemberType = memberType().str();
  C.InThrow = InThrow;
  C.InNoReturnCall = InNoReturnCall;
  C.InCatch = InCatch;
  C.Pointer = Pointer.str();
  C.ObjectParameter = objectParameter().str();
  C.Nonallocating = Nonallocating;
  C.OpenToClients = OpenToClients;
  C.Guards = guards().vec();
  C.Arguments = arguments().vec();
  return C;
}

void HeapGraph::joinFunction(FunctionFacts &F) {
  for (const std::string &Field : F.WrittenFields)
    WrittenFields.insert(Field);
  std::vector<LinkedCall> Calls = link(std::move(F.Calls));
  F.Calls.clear();
  auto [It, Inserted] = ByUSR.try_emplace(F.USR, int(Nodes.size()));
  if (Inserted) {
    Nodes.emplace_back();
    Nodes.back().Facts = std::move(F);
    Nodes.back().Calls = std::move(Calls);
    return;
  }
  Node &N = Nodes[It->second];
  FunctionFacts &Known = N.Facts;
  bool AddressTaken = Known.AddressTaken || F.AddressTaken;
  bool AddressEscapes = Known.AddressEscapes || F.AddressEscapes;
  std::vector<std::string> CastSignatures = Known.CastSignatures;
  for (std::string &S : F.CastSignatures)
    if (!llvm::is_contained(CastSignatures, S))
      CastSignatures.push_back(std::move(S));
  bool Root = Known.Root || F.Root, Allowed = Known.Allowed || F.Allowed;
  std::vector<SourcePoint> AttributeAt =
      joinPoints(Known.AttributeAt, F.AttributeAt);
  bool AttributeBlocked = Known.AttributeBlocked || F.AttributeBlocked;
  bool ExternalDefinition =
      (Known.Defined && !Known.InlineOnly) || (F.Defined && !F.InlineOnly);
  if (!Known.Defined && F.Defined) {
    Known = std::move(F);
    N.Calls = std::move(Calls);
  } else if (Known.Defined && F.Defined && Known.InlineOnly != F.InlineOnly &&
             !sameDefinition(Known, F))
    joinInlineBody(N, std::move(Calls), std::move(F));
  else if (Known.Defined && F.Defined && Known.Weak != F.Weak)
    preferStrong(N, std::move(Calls), std::move(F));
  else if (Known.Defined && F.Defined && !sameDefinition(Known, F))
    joinDefinition(N, std::move(Calls), std::move(F));
  else if (Known.Defined && F.Defined)
    joinVersion(N, std::move(Calls), std::move(F));
  else if (!Known.Defined && !Known.Summary.Summarised &&
           F.Summary.Summarised) {
    Known.Summary = F.Summary;
    N.Calls = std::move(Calls);
  } else if (!Known.Defined && F.Summary.Summarised) {
    joinSummary(Known.Summary, F.Summary);
    joinUserCallees(N.Calls, std::move(Calls));
  }
  // An inline-only body in one unit and the external definition from the
  // same text in another (C99's 'extern int f(int);' in one unit): the
  // definition is in the run.
  Known.InlineOnly = Known.Defined && !ExternalDefinition;
  Known.AddressTaken = AddressTaken;
  Known.AddressEscapes = AddressEscapes;
  Known.CastSignatures = std::move(CastSignatures);
  Known.Root = Root;
  Known.Allowed = Allowed;
  // Each unit sees the declarations it includes.
  Known.AttributeAt = AttributeBlocked ? std::vector<SourcePoint>()
                                       : std::move(AttributeAt);
  Known.AttributeBlocked = AttributeBlocked;
}

void HeapGraph::joinPointers(const std::vector<ProgramFacts::Unit> &Units) {
  Escaping.assign(Nodes.size(), false);
  for (const ProgramFacts::Unit &Unit : Units)
    for (const PointerFacts &P : Unit.Pointers) {
      Pointer &Joined = Pointers[P.USR];
      Joined.OtherWrites |= P.OtherWrites;
      Joined.Copied |= P.Copied;
      Joined.NullStored |= P.NullStored;
      llvm::append_range(Joined.Writers, P.Writers);
      llvm::append_range(Joined.Sources, P.Sources);
      if (Joined.Unfollowed.empty())
        Joined.Unfollowed = P.Unfollowed;
      for (const std::string &USR : P.Functions)
        if (int I = find(USR); I >= 0)
          Joined.Functions.push_back(I);
    }
  for (auto &Entry : Pointers)
    settleFunctions(Entry.second);
}

void HeapGraph::settleFunctions(Pointer &P) {
  llvm::sort(P.Functions);
  P.Functions.erase(std::unique(P.Functions.begin(), P.Functions.end()),
                    P.Functions.end());
  // What a copied pointer holds may be held anywhere.
  if (P.Copied)
    for (int I : P.Functions)
      Escaping[I] = true;
}

void HeapGraph::preferStrong(Node &N, std::vector<LinkedCall> Calls,
                             FunctionFacts Other) {
  // The linker keeps the strong definition and drops every weak one.
  if (Other.Weak)
    return;
  N.Facts = std::move(Other);
  N.Calls = std::move(Calls);
  N.OtherDefinitions.clear();
  N.OtherVersions = 0;
}

void HeapGraph::joinDefinition(Node &N, std::vector<LinkedCall> Calls,
                               FunctionFacts Other) {
  for (const Node::Definition &D : N.OtherDefinitions)
    if (D.Where.File == Other.Where.File &&
        D.Where.Offset == Other.Where.Offset)
      return;
  N.OtherDefinitions.push_back(
      {Other.Where, Other.EndOffset, Other.InlineOnly});
  llvm::append_range(N.Facts.Sites, std::move(Other.Sites));
  llvm::append_range(N.Calls, Calls);
}

void HeapGraph::joinInlineBody(Node &N, std::vector<LinkedCall> Calls,
                               FunctionFacts Other) {
  if (N.Facts.InlineOnly) {
    std::swap(N.Facts, Other);
    std::swap(N.Calls, Calls);
  }
  joinDefinition(N, std::move(Calls), std::move(Other));
}

unsigned HeapGraph::Node::externalDefinitions() const {
  if (!Facts.Defined)
    return 0;
  return !Facts.InlineOnly +
         llvm::count_if(OtherDefinitions,
                        [](const Definition &D) { return !D.InlineOnly; });
}

/// \p Values, written out: '2!=0,3==1'.
static std::string valuesKey(ArrayRef<ParameterValue> Values) {
  std::string Key;
  for (const ParameterValue &V : Values)
    Key += (Key.empty() ? "" : ",") + std::to_string(V.Parameter) +
           (V.Field.empty() ? "" : "." + V.Field) + (V.Equals ? "==" : "!=") +
           std::to_string(V.Value);
  return Key;
}

void HeapGraph::joinVersion(Node &N, std::vector<LinkedCall> OtherCalls,
                            FunctionFacts Other) {
  // The same text preprocessed apart: facts stored apart for other
  // reasons (a root seen by one unit) add nothing here.
  // A version that guards a call the other does not has both.
  auto SiteKey = [](const HeapSite &S) {
    return std::make_tuple(S.Where.File, S.Where.Offset, unsigned(S.Kind),
                           S.Description, valuesKey(S.Guards));
  };
  auto CallKey = [](const LinkedCall &C) {
    return std::make_tuple(C.Where.File, C.Where.Offset, unsigned(C.Kind),
                           C.Callee, C.Pointer, valuesKey(C.guards()));
  };
  std::set<decltype(SiteKey(HeapSite()))> Sites;
  for (const HeapSite &S : N.Facts.Sites)
    Sites.insert(SiteKey(S));
  std::set<decltype(CallKey(LinkedCall()))> Calls;
  for (const LinkedCall &C : N.Calls)
    Calls.insert(CallKey(C));
  size_t KnownSites = Sites.size(), KnownCalls = Calls.size();
  std::set<decltype(SiteKey(HeapSite()))> OtherSites;
  for (const HeapSite &S : Other.Sites)
    OtherSites.insert(SiteKey(S));
  std::set<decltype(CallKey(LinkedCall()))> OtherKeys;
  for (const LinkedCall &C : OtherCalls)
    OtherKeys.insert(CallKey(C));
  // Another version: it has what the joined facts lack, or lacks some.
  bool Added = false;
  for (HeapSite &S : Other.Sites)
    if (Sites.insert(SiteKey(S)).second) {
      N.Facts.Sites.push_back(std::move(S));
      Added = true;
    }
  for (const LinkedCall &C : OtherCalls)
    if (Calls.insert(CallKey(C)).second) {
      N.Calls.push_back(C);
      Added = true;
    }
  if (Added || OtherSites.size() != KnownSites ||
      OtherKeys.size() != KnownCalls)
    ++N.OtherVersions;
}

std::vector<int> HeapGraph::multiplyCompiled() const {
  std::vector<int> Found;
  for (int I = 0, E = Nodes.size(); I < E; ++I)
    if (Nodes[I].OtherVersions)
      Found.push_back(I);
  return Found;
}

std::vector<int> HeapGraph::multiplyDefined() const {
  std::vector<int> Found;
  for (int I = 0, E = Nodes.size(); I < E; ++I)
    if (Nodes[I].externalDefinitions() > 1)
      Found.push_back(I);
  return Found;
}

std::vector<FunctionFacts> HeapGraph::takeFunctions() && {
  std::vector<FunctionFacts> Functions;
  Functions.reserve(Nodes.size());
  for (Node &N : Nodes)
    if (N.Facts.USR != UnknownUSR && !N.isSpecialisation()) {
      N.Facts.Calls.reserve(N.Calls.size());
      for (const LinkedCall &C : N.Calls)
        N.Facts.Calls.push_back(C.site());
      Functions.push_back(std::move(N.Facts));
    }
  return Functions;
}

int HeapGraph::find(StringRef USR) const {
  auto It = ByUSR.find(USR);
  return It == ByUSR.end() ? -1 : It->second;
}

/// What a function whose knowledge says it may allocate does.
static std::string mayAllocatePhrase(StringRef Condition) {
  return ("may allocate on the heap (" + Condition + ")").str();
}

/// \p N fails with \p Exception, allocating on that path only.
static void setFailureLeaf(HeapGraph::Node &N, StringRef Exception,
                           StringRef Condition) {
  setLeaf(N, Cause::Failure, failurePhrase(Exception, Condition));
  N.words().Exception = Exception.str();
}

/// A library function its unit summarised from its body: each effect the
/// summary found.
static void setSummaryLeaves(HeapGraph::Node &N, const LibrarySummary &S) {
  if (S.Allocates)
    setLeaf(N, Cause::Allocation, "may allocate on the heap");
  if (S.Releases)
    setLeaf(N, Cause::Release, "may release heap memory");
  if (S.Unknown)
    setLeaf(N, Cause::Assumed,
            "calls library code that has no body to analyse");
  if (S.MayAllocate)
    setLeaf(N, Cause::MayAllocate,
            "calls library code that may allocate on some inputs");
  if (S.AllocatesOnFailure)
    setFailureLeaf(N, S.Exception, "");
  if (S.Bounded)
    setLeaf(N, Cause::Bounded, boundedPhrase());
}

int HeapGraph::unseenCallableSource() const {
  for (int I = 0, E = Nodes.size(); I < E; ++I) {
    const FunctionFacts &F = Nodes[I].Facts;
    if (F.HandsOutCallables && !F.Defined && !F.Summary.Summarised &&
        !F.PureVirtual)
      return I;
  }
  return -1;
}

void HeapGraph::decideCallableOperation(Node &N, int UnseenSource) {
  if (!N.Facts.Summary.Summarised) {
    setLeaf(N, Cause::Unseen,
            "runs code noalloc cannot see: no analysed code stores a "
            "callable into a std::function");
    return;
  }
  setSummaryLeaves(N, N.Facts.Summary);
  if (UnseenSource >= 0)
    setLeaf(N, Cause::Unseen,
            "runs code noalloc cannot see: a std::function may come from '" +
                Nodes[UnseenSource].Facts.Name +
                "', which no analysed file defines");
  // The clang-tidy plugin without FactsDirectory: the callables the other
  // units store are not in view.
  else if (Options.PartialProgram)
    setLeaf(N, Cause::Unseen,
            "runs code noalloc cannot see: the callables other translation "
            "units store are not in view");
}

void HeapGraph::decideLeaf(Node &N) {
  const FunctionFacts &F = N.Facts;
  auto Set = [&](Cause C, StringRef Why) { setLeaf(N, C, Why); };
  if (callableOperationOf(F.USR) != CallableOperation::None) {
    decideCallableOperation(N, unseenCallableSource());
    return;
  }
  if (N.isMayAllocateCall())
    if (const FunctionEntry *E = KB.function(F.KnowledgeName, F.CopyOrMove)) {
      Set(Cause::MayAllocate, mayAllocatePhrase(E->Condition));
      return;
    }
  if (F.Summary.Summarised) {
    setSummaryLeaves(N, F.Summary);
    return;
  }
  if (F.USR == UnknownUSR) {
    N.Opaque = true;
    Set(Cause::Unseen, "is not a known function");
    return;
  }
  if (const FunctionEntry *E = KB.function(F.KnowledgeName, F.CopyOrMove)) {
    if (auto Effect = heapEffect(*E)) {
      Set(Effect->first, Effect->second);
      return;
    }
    switch (E->Effect) {
    case FunctionEffect::Allocates:
    case FunctionEffect::Reallocates:
    case FunctionEffect::Releases:
      llvm_unreachable("decided above");
    case FunctionEffect::MayAllocate:
      Set(Cause::MayAllocate, mayAllocatePhrase(E->Condition));
      return;
    case FunctionEffect::AllocatesOnFailure:
      setFailureLeaf(N, E->Exception, E->Condition);
      return;
    case FunctionEffect::None:
      return;
    }
  }
  if (const TypeEntry *T = KB.type(F.KnowledgeClass);
      T && T->Effect == TypeEffect::Allocates) {
    // A compiled member of an allocating library type (std::string's
    // out-of-line members): allocating unless listed.
    if (StringRef(F.KnowledgeName).contains("::~"))
      Set(Cause::Release, "releases heap memory");
    else
      Set(Cause::Allocation, "may allocate on the heap");
    return;
  }
  // What runs is the library's: library code noalloc cannot see, which it
  // has not been asked about (the call names the member, which has a body or
  // knowledge), so not an unknown call.
  if (StringRef(F.USR).starts_with(CompiledOverridePrefix)) {
    Set(Cause::Assumed, "may run an override compiled into the library, "
                        "which noalloc cannot see");
    return;
  }
  N.Opaque = true;
  if (F.InSystemHeader)
    Set(Cause::Assumed, "has no body to analyse");
  else
    Set(Cause::Unseen, "is defined in no analysed file");
}

static bool isCallable(StringRef Key) {
  return Key.starts_with("noalloc:callable");
}

HeapGraph::CallableTargets HeapGraph::callableTargets(StringRef Key) const {
  CallableTargets Result;
  auto Unfollowed = [&](std::string Why) {
    if (Result.Unfollowed.empty())
      Result.Unfollowed = std::move(Why);
  };
  // Breadth first: the nearest reason is the one given.
  std::vector<std::string> Queue{Key.str()};
  llvm::StringSet<> Seen{Key};
  for (size_t Next = 0; Next < Queue.size(); ++Next) {
    StringRef Slot = Queue[Next];
    // A function whose address is taken is called where noalloc does not
    // see the arguments.
    StringRef Parameter = Slot;
    if (Parameter.consume_front("noalloc:callable-parameter:")) {
      auto [Index, USR] = Parameter.split(':');
      int F = find(USR);
      unsigned N = 0;
      if (F >= 0 && Nodes[F].Facts.AddressTaken && !Index.getAsInteger(10, N))
        Unfollowed("parameter " + std::to_string(N + 1) + " of '" +
                   Nodes[F].Facts.Name +
                   "': its address is taken, and what it is called with "
                   "through a pointer is not followed");
    }
    auto It = Pointers.find(Slot);
    if (It == Pointers.end())
      continue; // Nothing is stored into it: no call gives it anything.
    llvm::append_range(Result.Functions, It->second.Functions);
    if (!It->second.Unfollowed.empty())
      Unfollowed(It->second.Unfollowed);
    for (const std::string &Source : It->second.Sources)
      if (Seen.insert(Source).second)
        Queue.push_back(Source);
  }
  llvm::sort(Result.Functions);
  Result.Functions.erase(
      std::unique(Result.Functions.begin(), Result.Functions.end()),
      Result.Functions.end());
  if (Result.Functions.empty())
    Unfollowed("nothing the analysed code stores into it is known");
  return Result;
}

std::string HeapGraph::unfollowedCallable(const LinkedCall &Call) const {
  if (Call.Kind != CallKind::Indirect || !isCallable(Call.Pointer))
    return "";
  return callableTargets(Call.Pointer).Unfollowed;
}

const HeapGraph::Pointer *
HeapGraph::followedPointer(const LinkedCall &Call) const {
  if (Call.Kind != CallKind::Indirect || Call.Pointer.empty())
    return nullptr;
  // Every write of a followed pointer, seen or unseen, lists it in its
  // unit's facts: in a whole program, one that none lists is never
  // written, and holds nothing (tinycbor's parser operations, which only a
  // client that the program does not have fills).
  static const Pointer NeverWritten;
  auto It = Pointers.find(Call.Pointer);
  if (It == Pointers.end())
    return wholeProgram() && !StringRef(Call.Pointer).starts_with("noalloc:")
               ? &NeverWritten
               : nullptr;
  if (It->second.OtherWrites)
    return nullptr; // Written unseen or not followed: any function.
  // With no function stored and a null stored, the program only ever sets
  // it to null; one unit cannot tell. With neither, code noalloc does not
  // see may write it, unless the run is the whole program.
  if (It->second.Functions.empty() &&
      (Options.PartialProgram || (!It->second.NullStored && !wholeProgram())))
    return nullptr;
  return &It->second;
}

/// A passing call's key, "<PassedPrefix><to>|<from>": the parameter it
/// fills and the caller's own parameter it passes on ('from' is empty when
/// it passes a function). None for any other call.
static std::optional<std::pair<StringRef, StringRef>>
passedParameters(StringRef Pointer) {
  if (!Pointer.consume_front(PassedPrefix))
    return std::nullopt;
  return Pointer.split('|');
}

/// Whether a passing call's 'from' is the caller's own parameter, not a
/// followed pointer whose value it passes ('run(r->fn)').
static bool passesParameter(StringRef From) {
  return From.starts_with(ParameterPrefix);
}

void HeapGraph::resolveParameterWriters(Pointer &P) {
  size_t Known = P.Functions.size();
  llvm::erase_if(P.Writers, [&](const std::string &Writer) {
    if (!StringRef(Writer).starts_with(ParameterPrefix))
      return false;
    P.FromClients |= passedByClients(Writer);
    llvm::StringSet<> Seen;
    if (!parameterValues(Writer, P.Functions, Seen))
      P.OtherWrites = true;
    // A caller may pass null, or none may call the function: the program
    // stores nothing else.
    P.NullStored = true;
    return true;
  });
  if (P.Functions.size() != Known)
    settleFunctions(P);
}

bool HeapGraph::parameterValues(StringRef Key, std::vector<int> &Out,
                                llvm::StringSet<> &Seen) const {
  if (!Seen.insert(Key).second)
    return true;
  if (!Pointers.count(Key))
    return unpassedParameter(Key);
  if (!resolvedParameter(Key))
    return false;
  auto It = PassedCalls.find(Key);
  if (It == PassedCalls.end())
    return true; // Only null is passed.
  for (auto [Passer, CI] : It->second) {
    const LinkedCall &C = Nodes[Passer].Calls[CI];
    StringRef From = passedParameters(C.Pointer)->second;
    // A followed pointer's value (a parameter that goes nowhere else is
    // never stored): what it holds is not settled yet, so not followed.
    if (!From.empty() && !passesParameter(From))
      return false;
    if (!From.empty()) {
      if (!parameterValues(From, Out, Seen))
        return false;
      continue;
    }
    // A pointer to a virtual member runs the object's overrider.
    int T = find(C.Callee);
    if (T < 0 || C.Kind != CallKind::Direct)
      return false;
    Out.push_back(T);
  }
  return true;
}

bool HeapGraph::unpassedParameter(StringRef Key) const {
  // Every call of a function passes something for each of its function-
  // pointer parameters, which the caller's unit lists: with none listed,
  // nothing in the program calls it directly. Unless something may call it
  // from outside the run (a root, through a pointer, as an overrider, the
  // units the link lacks), it never runs.
  if (!wholeProgram())
    return false;
  int F = find(Key.drop_front(ParameterPrefix.size()).split(':').second);
  if (F < 0 || !Nodes[F].isUserDefinition())
    return false;
  const FunctionFacts &Facts = Nodes[F].Facts;
  return !Facts.AddressTaken && !Facts.Root && Facts.Overrides.empty();
}

bool HeapGraph::clientsOutside() const {
  // A partial link (the plugin's one unit, a unit's library summaries) has
  // its own rule.
  return !Options.PartialProgram && !wholeProgram();
}

bool HeapGraph::openToClients(const LinkedCall &Call) const {
  // The extractor tells what clients can name (a 'final' class's or
  // function's call is direct); the link, what they store elsewhere.
  if (!clientsOutside())
    return false;
  if (Call.OpenToClients)
    return true;
  // A function-pointer parameter of a function clients may call, which the
  // run's callers do not settle (a root's, one called through a pointer,
  // one a root passes its own to): a client may pass any function.
  if (Call.Kind == CallKind::Indirect) {
    StringRef Key = Call.Pointer;
    // A call that passes its caller's own parameter on runs what that
    // parameter holds.
    if (auto Passed = passedParameters(Key); Passed && !Passed->second.empty())
      Key = Passed->second;
    if (Key.starts_with(ParameterPrefix))
      return passedByClients(Key) && !resolvedParameter(Key);
  }
  auto It = Call.Kind == CallKind::Indirect && !Call.Pointer.empty()
                ? Pointers.find(Call.Pointer)
                : Pointers.end();
  return It != Pointers.end() && It->second.FromClients;
}

/// Whether the function of \p USR has external linkage: clang's USR of
/// what has internal linkage names its file first.
static bool externalLinkage(StringRef USR) { return USR.starts_with("c:@"); }

bool HeapGraph::passedByClients(StringRef Key) const {
  StringRef USR = Key.drop_front(ParameterPrefix.size()).split(':').second;
  int F = find(USR);
  return clientsOutside() && F >= 0 && !Nodes[F].Facts.InSystemHeader &&
         externalLinkage(USR);
}

bool HeapGraph::wholeProgram() const {
  if (Options.PartialProgram || Options.UnitsOutside)
    return false;
  if (Options.WholeProgram)
    return *Options.WholeProgram;
  // A library's functions are its clients' to call: only a program, with
  // its 'main', calls none from outside, unless the run holds a library's
  // API beside it.
  return DefinesMain && OpenEntry < 0;
}

bool HeapGraph::replaceableOutside(const LinkedCall &Call) const {
  if (Call.Kind != CallKind::Direct || wholeProgram())
    return false;
  // The linker keeps a strong definition over the weak one (preferStrong):
  // one outside the run, another unit's or a client's, is not in view.
  int F = find(Call.Callee);
  return F >= 0 && Nodes[F].isUserDefinition() && Nodes[F].Facts.Weak;
}

int HeapGraph::entryOpenToClients() const {
  // What detection decided (wholeProgram), not the user's word or a
  // partial link's rule; OpenEntry is -1 without 'main'.
  bool Detected =
      !Options.PartialProgram && !Options.UnitsOutside && !Options.WholeProgram;
  return Detected ? OpenEntry : -1;
}

int HeapGraph::findOpenEntry() const {
  std::vector<bool> Reached(Nodes.size(), false);
  for (const Node &N : Nodes)
    for (const LinkedCall &C : N.Calls)
      if (int T = find(C.Callee); T >= 0)
        Reached[Nodes[T].isSpecialisation() ? Nodes[T].Original : T] = true;
  for (int I = 0, E = Nodes.size(); I < E; ++I) {
    const FunctionFacts &F = Nodes[I].Facts;
    if (!Reached[I] && Nodes[I].isUserDefinition() && !F.InSystemHeader &&
        !Nodes[I].isSpecialisation() && externalLinkage(F.USR) &&
        F.Name != "main" && !F.Root && !F.AddressTaken && !F.Implicit &&
        F.Overrides.empty() && MainFiles.contains(F.Where.File))
      return I;
  }
  return -1;
}

void HeapGraph::resolveWriters() {
  DefinesMain = llvm::any_of(Nodes, [](const Node &N) {
    return N.isUserDefinition() && N.Facts.Name == "main";
  });
  if (DefinesMain)
    OpenEntry = findOpenEntry();
  for (auto &Entry : Pointers)
    resolveParameterWriters(Entry.second);
  for (auto &Entry : Pointers) {
    Pointer &P = Entry.second;
    llvm::erase_if(P.Writers, [&](const std::string &Writer) {
      if (Writer == ClientsWriter) {
        P.FromClients |= clientsOutside();
        return true;
      }
      StringRef Returner = Writer;
      if (!Returner.consume_front(ReturnedPrefix))
        return false;
      P.Foreign |= !analysed(Returner);
      return true;
    });
  }
  // A writer may call through a followed pointer ('w(o)'), which another
  // writer may leave written unseen: until no pointer changes.
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (auto &Entry : Pointers) {
      Pointer &P = Entry.second;
      if (!P.OtherWrites &&
          llvm::any_of(P.Writers, [&](const std::string &Writer) {
            return !seesWriter(Writer);
          }))
        P.OtherWrites = Changed = true;
    }
  }
  for (auto &Entry : Pointers)
    Entry.second.Writers = {};
}

bool HeapGraph::seesWriter(StringRef Key) const {
  // Another part of the program may define the function, override it,
  // take the address of one of the signature or define the variable.
  if (Options.PartialProgram)
    return false;
  if (Key.starts_with("noalloc:variable:"))
    return Pointers.count(Key);
  // Which functions it runs, as for a call: a call through a pointer that
  // is not followed reaches every function of its signature whose address
  // is taken, or the unknown node.
  LinkedCall Call;
  std::tie(Key, Call.Pointer) = Key.split('|');
  if (Key.consume_front("noalloc:virtual:"))
    Call.Kind = CallKind::Virtual;
  else if (Key.consume_front("noalloc:indirect:"))
    Call.Kind = CallKind::Indirect;
  Call.Callee = Key;
  return llvm::all_of(targets(Call), [&](int T) {
    const FunctionFacts &F = Nodes[T].Facts;
    return F.Defined && !F.InSystemHeader;
  });
}

bool HeapGraph::storedInto(const LinkedCall &Call, int Target) const {
  if (Call.Kind == CallKind::Indirect && isCallable(Call.Pointer))
    return llvm::is_contained(callableTargets(Call.Pointer).Functions, Target);
  const Pointer *P = followedPointer(Call);
  return P && llvm::is_contained(P->Functions, Target);
}

/// Whether code guarded by \p Guards cannot run for the arguments \p Passed.
static bool ruledOut(ArrayRef<ParameterValue> Guards,
                     ArrayRef<ParameterValue> Passed) {
  return llvm::any_of(Guards, [&](const ParameterValue &G) {
    return llvm::any_of(
        Passed, [&](const ParameterValue &P) { return contradicts(P, G); });
  });
}

bool HeapGraph::trusted(const ParameterValue &V) const {
  return V.Field.empty() ||
         (V.Field != ForwardedField && !WrittenFields.contains(V.Field));
}

/// The most guards a function's arguments are compared with: more make
/// no specialisation, which leaves the calls as they are.
static constexpr size_t MaxRelevantGuards = 32;

std::vector<std::vector<ParameterValue>> HeapGraph::relevantGuards() const {
  std::vector<std::vector<ParameterValue>> Relevant(Nodes.size());
  auto Add = [&](int I, const ParameterValue &G) {
    if (!trusted(G) || llvm::is_contained(Relevant[I], G) ||
        Relevant[I].size() >= MaxRelevantGuards)
      return false;
    Relevant[I].push_back(G);
    return true;
  };
  // Each call that passes a parameter of its caller on: caller, callee,
  // the argument's index in the callee and the caller's parameter.
  struct Passing {
    int Caller, Callee;
    unsigned Argument, Parameter;
  };
  std::vector<Passing> Passings;
  for (int I = 0, E = Nodes.size(); I < E; ++I) {
    for (const HeapSite &S : Nodes[I].Facts.Sites)
      for (const ParameterValue &G : S.Guards)
        Add(I, G);
    for (const LinkedCall &C : Nodes[I].Calls) {
      for (const ParameterValue &G : C.guards())
        Add(I, G);
      for (const ParameterValue &A : C.arguments())
        if (A.Field == ForwardedField && C.Kind == CallKind::Direct)
          if (int T = find(C.Callee); T >= 0)
            Passings.push_back({I, T, A.Parameter, unsigned(A.Value)});
    }
  }
  // Through recursion too: each round adds some, and they are finite.
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const Passing &P : Passings)
      for (size_t G = 0; G < Relevant[P.Callee].size(); ++G)
        if (Relevant[P.Callee][G].Parameter == P.Argument) {
          ParameterValue Up = Relevant[P.Callee][G];
          Up.Parameter = P.Parameter;
          Changed |= Add(P.Caller, Up);
        }
  }
  return Relevant;
}

std::optional<HeapGraph::Specialisation> HeapGraph::specialisationFor(
    const LinkedCall &Call,
    ArrayRef<std::vector<ParameterValue>> Relevant) const {
  ArrayRef<ParameterValue> Args = Call.arguments();
  if (Call.Kind != CallKind::Direct || Args.empty())
    return std::nullopt;
  int T = find(Call.Callee);
  // A function the knowledge base decides is what it says, whatever its
  // body does.
  if (T < 0 || size_t(T) >= Relevant.size() || Relevant[T].empty() ||
      !Nodes[T].Facts.Defined || llvm::is_contained(Nodes[T].Leaf, true))
    return std::nullopt;
  std::vector<ParameterValue> Ruling;
  for (const ParameterValue &A : Args)
    if (trusted(A) && ruledOut(Relevant[T], A) &&
        !llvm::is_contained(Ruling, A))
      Ruling.push_back(A);
  if (Ruling.empty())
    return std::nullopt;
  std::string USR =
      (SpecialisedPrefix + Nodes[T].Facts.USR + "|" + valuesKey(Ruling)).str();
  return Specialisation{T, std::move(Ruling), std::move(USR)};
}

void HeapGraph::specialiseCalls() {
  // A unit's summary of its library functions keeps the calls as written.
  if (Options.LibraryAlone)
    return;
  std::vector<std::vector<ParameterValue>> Relevant = relevantGuards();
  std::vector<Specialisation> Pending;
  llvm::StringSet<> Named;
  auto Need = [&](std::optional<Specialisation> S) -> StringRef {
    if (!S)
      return "";
    StringRef USR = keep(S->USR);
    if (Named.insert(USR).second)
      Pending.push_back(std::move(*S));
    return USR;
  };
  // The functions' own calls point to specialisations once these are made
  // of their code as written.
  std::vector<std::tuple<size_t, size_t, StringRef>> Retargets;
  for (size_t I = 0; I < Nodes.size(); ++I)
    for (size_t C = 0; C < Nodes[I].Calls.size(); ++C)
      if (StringRef USR = Need(specialisationFor(Nodes[I].Calls[C], Relevant));
          !USR.empty())
        Retargets.emplace_back(I, C, USR);
  while (!Pending.empty()) {
    Specialisation S = std::move(Pending.back());
    Pending.pop_back();
    int I = addSpecialisation(S);
    for (LinkedCall &Call : Nodes[I].Calls)
      if (StringRef USR = Need(specialisationFor(Call, Relevant)); !USR.empty())
        Call.Callee = USR;
  }
  for (auto [I, C, USR] : Retargets)
    Nodes[I].Calls[C].Callee = USR;
  Escaping.resize(Nodes.size(), false);
}

/// Makes \p F, a function's facts copied for a node of its code that only
/// calls name: nothing else finds it by its function's signature,
/// overrides, attributes or roots.
static void namedOnlyByCalls(FunctionFacts &F) {
  F.Root = F.AddressTaken = F.AddressEscapes = false;
  F.Overrides.clear();
  F.CastSignatures.clear();
  F.AttributeAt.clear();
  F.AttributeBlocked = true;
}

int HeapGraph::addSpecialisation(const Specialisation &Spec) {
  ArrayRef<ParameterValue> Passed = Spec.Passed;
  const Node &Original = Nodes[Spec.Of];
  Node S;
  S.Original = Spec.Of;
  S.Facts = Original.Facts;
  S.Facts.USR = Spec.USR;
  S.Facts.Sites.clear();
  for (const HeapSite &Site : Original.Facts.Sites)
    if (ruledOut(Site.Guards, Passed))
      S.Dropped.push_back(Site.Where);
    else
      S.Facts.Sites.push_back(Site);
  for (const LinkedCall &Call : Original.Calls)
    if (ruledOut(Call.guards(), Passed))
      S.Dropped.push_back(Call.Where.point());
    else
      S.Calls.push_back(passOn(Call, Passed));
  namedOnlyByCalls(S.Facts);
  int I = int(Nodes.size());
  ByUSR[Spec.USR] = I;
  Nodes.push_back(std::move(S));
  return I;
}

void HeapGraph::addCallableOperatorBodies() {
  if (Options.LibraryAlone)
    return;
  // Collected first: adding nodes moves them.
  std::vector<int> Operators;
  llvm::StringSet<> Named;
  for (const Node &N : Nodes)
    for (const LinkedCall &C : N.Calls)
      if (C.Kind == CallKind::Indirect && isCallable(C.Pointer))
        if (int Op = find(C.Callee);
            Op >= 0 && !Nodes[Op].Opaque && Named.insert(C.Callee).second)
          Operators.push_back(Op);
  for (int Op : Operators) {
    Node B;
    B.Original = Op;
    B.Facts = Nodes[Op].Facts;
    B.Facts.USR = (CallableOperatorPrefix + Nodes[Op].Facts.USR).str();
    // A library's operator() summarised by its unit: its summary is its
    // own code, and its calls are the user code and dispatched calls its
    // library code reaches, the target's among them.
    B.Leaf = Nodes[Op].Leaf;
    if (Nodes[Op].Words)
      B.Words = std::make_unique<Node::LeafWords>(*Nodes[Op].Words);
    bool Summarised = !B.Facts.Defined;
    for (const LinkedCall &Call : Nodes[Op].Calls)
      if (Summarised || Call.Kind == CallKind::Indirect ||
          Call.Kind == CallKind::Virtual)
        B.Dropped.push_back(Call.Where.point());
      else
        B.Calls.push_back(Call);
    namedOnlyByCalls(B.Facts);
    ByUSR[B.Facts.USR] = int(Nodes.size());
    Nodes.push_back(std::move(B));
  }
  Escaping.resize(Nodes.size(), false);
}

LinkedCall HeapGraph::passOn(const LinkedCall &Call,
                             ArrayRef<ParameterValue> Passed) {
  std::vector<ParameterValue> Known;
  for (const ParameterValue &A : Call.arguments())
    if (A.Field == ForwardedField)
      for (const ParameterValue &P : Passed)
        if (P.Parameter == unsigned(A.Value)) {
          Known.push_back(P);
          Known.back().Parameter = A.Parameter;
        }
  if (Known.empty())
    return Call;
  LinkedCall Passing = Call;
  CallDetails &More =
      Details.emplace_back(Call.Details ? *Call.Details : CallDetails());
  llvm::append_range(More.Arguments, Known);
  Passing.Details = &More;
  return Passing;
}

void HeapGraph::findCalledParameters() {
  // Each parameter a caller passes on, with the parameter it is passed to.
  std::vector<std::pair<StringRef, StringRef>> Passed;
  // A specialisation passes what its function does.
  for (int I = 0, E = Nodes.size(); I < E; ++I)
    for (int CI = 0,
             CE = Nodes[I].isSpecialisation() ? 0 : Nodes[I].Calls.size();
         CI < CE; ++CI) {
      const LinkedCall &C = Nodes[I].Calls[CI];
      StringRef Key = C.Pointer;
      if (C.Kind == CallKind::Indirect && Key.starts_with(ParameterPrefix))
        CalledParameters.insert(Key);
      else if (auto Passing = passedParameters(Key)) {
        auto [To, From] = *Passing;
        PassedCalls[To].emplace_back(I, CI);
        if (passesParameter(From))
          Passed.emplace_back(To, From);
      }
    }
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (auto [To, From] : Passed)
      if (CalledParameters.contains(To) && CalledParameters.insert(From).second)
        Changed = true;
  }
}

void HeapGraph::passedFunctions(StringRef Key, int Call,
                                std::vector<ParameterTarget> &Out,
                                llvm::StringSet<> &Seen) const {
  if (!Seen.insert(Key).second || !resolvedParameter(Key))
    return;
  auto It = PassedCalls.find(Key);
  if (It == PassedCalls.end())
    return;
  for (auto [Passer, CI] : It->second) {
    const LinkedCall &C = Nodes[Passer].Calls[CI];
    StringRef From = passedParameters(C.Pointer)->second;
    if (passesParameter(From)) {
      passedFunctions(From, Call, Out, Seen);
      continue;
    }
    // A followed pointer's value: what a call through it reaches.
    if (!From.empty()) {
      LinkedCall Through = C;
      Through.Pointer = From;
      for (int T : targets(Through))
        Out.push_back({Call, T, Passer});
      continue;
    }
    if (int T = find(C.Callee); T >= 0)
      Out.push_back({Call, T, Passer});
  }
}

std::vector<HeapGraph::ParameterTarget>
HeapGraph::parameterTargets(int I) const {
  std::vector<ParameterTarget> Out;
  llvm::StringSet<> Seen;
  const std::vector<LinkedCall> &Calls = Nodes[I].Calls;
  for (int CI = 0, CE = Calls.size(); CI < CE; ++CI) {
    StringRef Key = Calls[CI].Pointer;
    if (Calls[CI].Accepted)
      continue;
    if (Calls[CI].Kind == CallKind::Indirect &&
        Key.starts_with(ParameterPrefix))
      passedFunctions(Key, CI, Out, Seen);
    // Its own parameter, passed on to a function that calls it.
    else if (auto Passing = passedParameters(Key))
      if (auto [To, From] = *Passing; passesParameter(From) &&
                                      CalledParameters.contains(To) &&
                                      resolvedParameter(To))
        passedFunctions(From, CI, Out, Seen);
  }
  return Out;
}

bool HeapGraph::resolvedParameter(StringRef Key) const {
  // No call passes anything noalloc does not follow, and some call passes
  // it something: without one, the callers are code noalloc does not see.
  auto It = Pointers.find(Key);
  if (It == Pointers.end() || It->second.OtherWrites)
    return false;
  int F = find(Key.drop_front(ParameterPrefix.size()).split(':').second);
  // A library function the units' summaries dropped: its callers were
  // library code, which the units saw.
  if (F < 0)
    return true;
  const FunctionFacts &Facts = Nodes[F].Facts;
  // Called through a pointer, or from outside the program (a root), or
  // as an overrider: with arguments noalloc does not see.
  if (Facts.AddressTaken || Facts.Root || !Facts.Overrides.empty())
    return false;
  // User code may have callers in the units the link lacks; library code's
  // are in each unit's summary.
  return Facts.InSystemHeader ||
         !(Options.PartialProgram || Options.UnitsOutside);
}

std::vector<int> HeapGraph::indirectTargets(const LinkedCall &Call) const {
  std::vector<int> Result;
  bool Parameter = Call.Pointer.starts_with(ParameterPrefix);
  // Its callers call what they pass for it.
  if (Parameter && resolvedParameter(Call.Pointer))
    return Result;
  if (isCallable(Call.Pointer)) {
    // What is stored into the std::function, and the unknown node for
    // what noalloc does not follow; for a type the knowledge base says
    // holds a callable, its operator() instead, which calls what the
    // program stores into any object of the type.
    CallableTargets Callable = callableTargets(Call.Pointer);
    Result = std::move(Callable.Functions);
    if (Callable.Unfollowed.empty()) {
      // What the operator() does besides calling its target.
      if (int Body = find((CallableOperatorPrefix + Call.Callee).str());
          Body >= 0)
        Result.push_back(Body);
      return Result;
    }
    if (int Operator = find(Call.Callee);
        Operator >= 0 && !llvm::is_contained(Result, Operator))
      Result.push_back(Operator);
    else if (Operator < 0)
      reachUnknown(Result);
    return Result;
  }
  auto Same = BySignature.find(Call.Callee);
  const Pointer *P = Parameter ? nullptr : followedPointer(Call);
  if (!P) {
    if (Same != BySignature.end())
      Result = Same->second;
    if (Result.empty() || returnedUnseen(Call))
      reachUnknown(Result);
    return Result;
  }
  // What is stored into it, and whatever may have got there unseen. With
  // neither, the program only sets it to null: calling null is undefined,
  // not code that allocates, and the call reaches nothing.
  Result = P->Functions;
  if (Same != BySignature.end())
    for (int I : Same->second)
      if (Escaping[I] && !llvm::is_contained(P->Functions, I))
        Result.push_back(I);
  llvm::sort(Result);
  return Result;
}

bool HeapGraph::returnedUnseen(const LinkedCall &Call) const {
  StringRef Returner = Call.Pointer;
  if (Returner.consume_front(ReturnedPrefix))
    return !analysed(Returner);
  auto It = Pointers.find(Call.Pointer);
  return It != Pointers.end() && It->second.Foreign;
}

bool HeapGraph::analysed(StringRef USR) const {
  int F = find(USR);
  return F >= 0 && Nodes[F].Facts.Defined && !Nodes[F].Facts.InSystemHeader;
}

void HeapGraph::dropPureVirtuals(std::vector<int> &Targets) const {
  // Without an overrider in the program, the one that runs is in code the
  // run cannot see: the pure function stands for it.
  if (llvm::all_of(Targets, [&](int T) { return node(T).Facts.PureVirtual; }))
    return;
  llvm::erase_if(Targets, [&](int T) { return node(T).Facts.PureVirtual; });
}

// Reads the call's kind, Nonallocating, Callee and Pointer only (and the
// graph, complete by then): what dispatchKey names.
std::vector<int> HeapGraph::targets(const LinkedCall &Call) const {
  std::vector<int> Result;
  // What a caller passes for a parameter runs where the callee calls it,
  // when its callers' calls stand for its own; otherwise the callee's call
  // reaches what the parameter may hold by itself.
  if (auto Passing = passedParameters(Call.Pointer)) {
    auto [To, From] = *Passing;
    if (!CalledParameters.contains(To) || !resolvedParameter(To))
      return Result;
    if (!From.empty()) {
      // Through the caller's own parameter, or the followed pointer whose
      // value it passes.
      LinkedCall Through = Call;
      Through.Pointer = From;
      return targets(Through);
    }
  }
  if (Call.Kind == CallKind::Indirect) {
    Result = indirectTargets(Call);
    // Every function that user code converts to a pointer type that says
    // it does not allocate is a root (clang checks such a conversion only
    // under -Wfunction-effects): the call runs one of those. What code
    // noalloc does not see converts, clang's check is trusted for.
    if (Call.Nonallocating) {
      llvm::erase_if(Result, [&](int T) { return !Nodes[T].Facts.Root; });
      return Result;
    }
    addOverriders(Result);
    if (openToClients(Call))
      reachUnknown(Result);
    reachUnitsOutside(Result);
    return Result;
  }
  if (Call.Kind != CallKind::Block) {
    auto It = ByUSR.find(Call.Callee);
    if (It != ByUSR.end())
      Result.push_back(It->second);
    if (replaceableOutside(Call))
      reachUnknown(Result);
    if (Call.Kind == CallKind::Virtual) {
      auto O = Overriders.find(Call.Callee);
      if (O != Overriders.end())
        Result.insert(Result.end(), O->second.begin(), O->second.end());
      dropPureVirtuals(Result);
      if (returnedUnseen(Call) || openToClients(Call))
        reachUnknown(Result);
    }
  }
  // A call that nothing answers ends at the unknown node, and so does a call
  // through a block pointer: a block's code is part of the function that
  // creates it, and no function of the program is a block.
  if (Result.empty())
    reachUnknown(Result);
  else if (Call.Kind == CallKind::Virtual)
    reachUnitsOutside(Result);
  return Result;
}

void HeapGraph::addOverriders(std::vector<int> &Targets) const {
  size_t Stored = Targets.size();
  for (size_t K = 0; K < Stored; ++K) {
    auto O = Overriders.find(Nodes[Targets[K]].Facts.USR);
    if (O == Overriders.end())
      continue;
    for (int T : O->second)
      if (!llvm::is_contained(Targets, T))
        Targets.push_back(T);
  }
  if (Targets.size() > Stored)
    dropPureVirtuals(Targets);
}

void HeapGraph::reachUnknown(std::vector<int> &Targets) const {
  int Unknown = ByUSR.lookup(UnknownUSR);
  if (!llvm::is_contained(Targets, Unknown))
    Targets.push_back(Unknown);
}

void HeapGraph::reachUnitsOutside(std::vector<int> &Targets) const {
  if (Options.UnitsOutside)
    reachUnknown(Targets);
}

std::string boundedExhaustion() {
  return "no heap while it has room; when exhausted it throws "
         "'std::bad_alloc', whose exception object is allocated on the heap";
}

std::string boundedPhrase() {
  return "allocates from a bounded memory resource: " + boundedExhaustion();
}

std::string boundedFailurePhrase() {
  return failurePhrase("std::bad_alloc", "");
}

std::string failurePhrase(StringRef Exception, StringRef Condition) {
  std::string Phrase = "may allocate only when it fails";
  if (!Exception.empty())
    return Phrase + " (throws '" + Exception.str() + "')";
  if (!Condition.empty())
    return Phrase + " (" + Condition.str() + ")";
  return Phrase;
}

std::string dispatchKey(CallKind Kind, bool Nonallocating, bool OpenToClients,
                        StringRef Callee, StringRef Pointer) {
  std::string Key;
  Key += char('0' + unsigned(Kind));
  Key += Nonallocating ? 'n' : '-';
  Key += OpenToClients ? 'o' : '-';
  Key += Callee;
  Key += '\0';
  Key += Pointer;
  return Key;
}

std::vector<int> HeapGraph::libraryTargets(const LinkedCall &Call) const {
  std::vector<int> Result = targets(Call);
  // A call that reaches user code only reaches nothing here, not the
  // unknown node.
  llvm::erase_if(Result, [&](int T) { return Nodes[T].isUserCode(); });
  return Result;
}

std::vector<int> HeapGraph::keptTargets(const LinkedCall &Call) const {
  std::vector<int> Result = targets(Call);
  // The library code the unit saw, and that it could not see, is in the
  // summary: the call adds user code, and the library functions units
  // summarised (another unit's control block's _M_dispose).
  // A coroutine that a handle may resume or destroy and the program does
  // not have is code the run cannot see (another unit's, or compiled),
  // not library code the unit's summary accepts.
  // So is a call through a pointer, or a virtual call, when units of the
  // program are outside the run: they may have stored any function of the
  // type, or defined any overrider (reachUnitsOutside), and when a
  // library's clients may (openToClients).
  bool Unseen = Options.UnitsOutside || openToClients(Call) ||
                (Call.Kind == CallKind::Indirect &&
                 Call.Pointer.starts_with("noalloc:callable-coroutine"));
  llvm::erase_if(Result, [&](int T) {
    const FunctionFacts &F = Nodes[T].Facts;
    return !Nodes[T].isUserCode() &&
           !(F.InSystemHeader && F.Summary.Summarised) &&
           !(Unseen && Nodes[T].isUnknownTargets());
  });
  return Result;
}

void HeapGraph::resolveCalls() {
  Targets = CallTargets(Nodes.size());
  for (int I = 0, E = Nodes.size(); I < E; ++I) {
    const FunctionFacts &F = Nodes[I].Facts;
    bool Summarised = F.InSystemHeader && F.Summary.Summarised;
    bool Alone = Options.LibraryAlone && F.InSystemHeader;
    for (const LinkedCall &Call : Nodes[I].Calls)
      if (Summarised && isDispatched(Call))
        Targets.add(I, "K" + dispatchKey(Call),
                    [&] { return keptTargets(Call); });
      else if (Alone)
        Targets.add(I, "L" + dispatchKey(Call),
                    [&] { return libraryTargets(Call); });
      else
        Targets.add(I, dispatchKey(Call), [&] { return targets(Call); });
  }
  Targets.index([&](const CallTargets::Call &C) { return follows(C); },
                [&](int T) { return follows(T); });
}

bool HeapGraph::follows(const CallTargets::Call &Call) const {
  const Node &N = Nodes[Call.Function];
  return !N.Facts.Allowed && !N.Calls[Call.Index].Accepted;
}

bool HeapGraph::isFailureCall(const CallTargets::Call &Call) const {
  const Node &N = Nodes[Call.Function];
  const LinkedCall &Site = N.Calls[Call.Index];
  return (N.Facts.InSystemHeader && (Site.InThrow || Site.InNoReturnCall)) ||
         Site.InCatch;
}

void HeapGraph::propagate() {
  // What library code evaluates only to throw, or to call a function that
  // does not return, and what a user's 'catch' handler calls, belong to a
  // failure path: those calls carry no allocation (the throw, or the call,
  // itself reaches the failure; a handler runs only after a throw).
  for (Cause C : {Cause::Allocation, Cause::Release, Cause::Bounded})
    propagate(C, /*ThroughFailureCalls=*/false);
  for (Cause C : {Cause::Unseen, Cause::Assumed, Cause::MayAllocate})
    propagate(C, /*ThroughFailureCalls=*/true);
  propagate(Cause::Failure, /*ThroughFailureCalls=*/true);
  // What a failure path evaluates, and allocates, is its failure too: for
  // the functions no throw explains already.
  std::map<int, Witness> Evaluated;
  for (int I = 0, E = Nodes.size(); I < E; ++I)
    for (int C = 0, CE = Nodes[I].Calls.size(); C < CE; ++C)
      if (follows({I, C}) && isFailureCall({I, C}) && !Evaluated.count(I))
        for (int T : targets(I, C))
          if (follows(T) && Nodes[T].reaches(Cause::Allocation)) {
            Evaluated.try_emplace(I, Witness{-1, C, T, 1});
            break;
          }
  if (!Evaluated.empty())
    propagate(Cause::Failure, /*ThroughFailureCalls=*/true, Evaluated);
}

/// Whether a site of a function is a seed of \p C: a throw in library
/// code is its failure path.
static bool seeds(const HeapSite &S, Cause C, bool InLibrary) {
  if (S.Accepted)
    return false;
  bool Failure = InLibrary && S.Kind == SiteKind::Throw;
  switch (C) {
  case Cause::Allocation:
    return allocates(S.Kind) && !Failure;
  case Cause::Release:
    return !allocates(S.Kind);
  case Cause::Failure:
    return Failure;
  case Cause::Unseen:
  case Cause::Assumed:
  case Cause::MayAllocate:
  case Cause::Bounded:
    return false;
  }
  llvm_unreachable("unknown cause");
}

void HeapGraph::propagate(Cause C, bool ThroughFailureCalls,
                          const std::map<int, Witness> &Seeds) {
  unsigned K = unsigned(C);
  // Breadth first from the seeds: each node keeps its shortest witness.
  // Recursion needs no special case: a node is settled once.
  std::vector<int> Frontier;
  for (int I = 0, E = Nodes.size(); I < E; ++I) {
    Node &N = Nodes[I];
    if (N.Facts.Allowed)
      continue;
    if (N.Leaf[K]) {
      N.Why[K] = {-1, -1, -1, 0};
      Frontier.push_back(I);
      continue;
    }
    const std::vector<HeapSite> &Sites = N.Facts.Sites;
    for (int S = 0, SE = Sites.size(); S < SE; ++S)
      if (seeds(Sites[S], C, N.Facts.InSystemHeader)) {
        N.Why[K] = {S, -1, -1, 0};
        break;
      }
    if (auto It = Seeds.find(I); !N.Why[K].found() && It != Seeds.end())
      N.Why[K] = It->second;
    if (N.Why[K].found())
      Frontier.push_back(I);
  }
  // Level by level, so that the witness each node keeps does not depend on
  // the order the translation units came in: among the calls of equal
  // length, the first in the source wins, then the target first by USR.
  auto Earlier = [&](const Witness &A, const Witness &B, const Node &N) {
    const LinkedPoint &PA = N.Calls[A.Call].Where;
    const LinkedPoint &PB = N.Calls[B.Call].Where;
    return std::tie(PA.File, PA.Offset, Nodes[A.Target].Facts.USR, A.Call) <
           std::tie(PB.File, PB.Offset, Nodes[B.Target].Facts.USR, B.Call);
  };
  // A list of targets is reached once, by the first level that settles one
  // of them: every caller through it is settled then.
  std::vector<bool> ListReached(Targets.lists(), false);
  while (!Frontier.empty()) {
    // The lists this level reaches, each by its target first by USR.
    std::map<unsigned, int> Reached;
    for (int T : Frontier)
      for (unsigned L : Targets.listsReaching(T)) {
        if (ListReached[L])
          continue;
        auto [It, Inserted] = Reached.try_emplace(L, T);
        if (!Inserted && Nodes[T].Facts.USR < Nodes[It->second].Facts.USR)
          It->second = T;
      }
    std::map<int, Witness> Next;
    for (auto [L, T] : Reached) {
      ListReached[L] = true;
      for (const CallTargets::Call &Through : Targets.callsThrough(L)) {
        const Node &N = Nodes[Through.Function];
        if (N.Why[K].found() ||
            (!ThroughFailureCalls && isFailureCall(Through)))
          continue;
        Witness W{-1, Through.Index, T, Nodes[T].Why[K].Distance + 1};
        auto [It, Inserted] = Next.try_emplace(Through.Function, W);
        if (!Inserted && Earlier(W, It->second, N))
          It->second = W;
      }
    }
    Frontier.clear();
    for (auto &[Caller, W] : Next) {
      Nodes[Caller].Why[K] = W;
      Frontier.push_back(Caller);
    }
  }
}

Effect HeapGraph::lattice(int I) const {
  const Node &N = Nodes[I];
  // Some input of a may-allocate function allocates (printf, measured).
  if (N.reaches(Cause::Allocation) || N.reaches(Cause::MayAllocate))
    return Effect::Allocates;
  if (N.reaches(Cause::Unseen) || N.reaches(Cause::Assumed))
    return Effect::Unknown;
  if (N.reaches(Cause::Bounded))
    return Effect::Bounded;
  if (N.reaches(Cause::Failure))
    return Effect::AllocatesOnFailure;
  if (N.reaches(Cause::Release))
    return Effect::Releases;
  return Effect::None;
}

Cause HeapGraph::decidingCause(int I, Policy P) const {
  const Node &N = Nodes[I];
  // Bounded use includes its failure path: running out throws.
  for (Cause C : {Cause::Allocation, Cause::Unseen, Cause::MayAllocate,
                  Cause::Assumed, Cause::Bounded, Cause::Failure})
    if (P.counts(C) && N.reaches(C))
      return C;
  return Cause::Release;
}

Effect HeapGraph::effect(int I, Policy P) const {
  const Node &N = Nodes[I];
  switch (decidingCause(I, P)) {
  case Cause::Allocation:
    return Effect::Allocates;
  case Cause::Unseen:
    return P.isStrict() ? Effect::Allocates : Effect::Unknown;
  case Cause::Assumed:
  case Cause::MayAllocate:
    return Effect::Allocates;
  case Cause::Failure:
    return Effect::AllocatesOnFailure;
  case Cause::Bounded:
    return Effect::Bounded;
  case Cause::Release:
    return N.reaches(Cause::Release) ? Effect::Releases : Effect::None;
  }
  llvm_unreachable("unknown cause");
}

std::string HeapGraph::failureException(int I) const {
  unsigned K = unsigned(Cause::Failure);
  while (Nodes[I].Why[K].found()) {
    const Node &N = Nodes[I];
    const Witness &W = N.Why[K];
    if (W.Site >= 0)
      return N.Facts.Sites[W.Site].Exception;
    if (W.Target < 0)
      return N.leafException().str();
    // A failure path that evaluates allocating code ends there: its target
    // may owe its own failure witness to this very node (a cycle). Every
    // other step is one closer, so the walk ends.
    const Witness &Next = Nodes[W.Target].Why[K];
    if (!Next.found() || Next.Distance >= W.Distance)
      return "";
    I = W.Target;
  }
  return "";
}

std::vector<int> HeapGraph::reachable(const std::vector<int> &From,
                                      std::vector<int> *Parent,
                                      std::vector<int> *ParentCall) const {
  std::vector<int> Order;
  std::vector<bool> Seen(Nodes.size(), false);
  std::vector<bool> Walked(Targets.lists(), false);
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
    for (int C = 0, CE = Nodes[I].Calls.size(); C < CE; ++C) {
      // A list walked once has all its targets seen.
      unsigned L = Targets.listOf(I, C);
      if (!follows({I, C}) || Walked[L])
        continue;
      Walked[L] = true;
      for (int T : Targets.members(L))
        if (follows(T) && !Seen[T]) {
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

void HeapGraph::indexFunctions() {
  for (int I = 0, E = Nodes.size(); I < E; ++I) {
    const FunctionFacts &F = Nodes[I].Facts;
    if (F.Defined && !F.Where.File.empty())
      SpansByFile[F.Where.File].push_back(
          {F.Where.Offset, F.EndOffset, 0, I});
    for (const Node::Definition &D : Nodes[I].OtherDefinitions)
      SpansByFile[D.Where.File].push_back(
          {D.Where.Offset, D.EndOffset, 0, I});
  }
  for (auto &Entry : SpansByFile) {
    std::vector<Span> &Spans = Entry.second;
    llvm::sort(Spans, [](const Span &A, const Span &B) {
      return std::tie(A.Begin, A.Node) < std::tie(B.Begin, B.Node);
    });
    unsigned Max = 0;
    for (Span &S : Spans)
      S.MaxEnd = Max = std::max(Max, S.End);
  }
}

int HeapGraph::functionAt(const SourcePoint &Where) const {
  auto It = SpansByFile.find(Where.File);
  if (It == SpansByFile.end())
    return -1;
  const std::vector<Span> &Spans = It->second;
  // The last span starting at or before the point; walk back while an
  // earlier span can still contain it. The first that does is the
  // innermost; its twins (instantiations at the same place) follow it.
  auto End = llvm::upper_bound(Spans, Where.Offset,
                               [](unsigned Offset, const Span &S) {
                                 return Offset < S.Begin;
                               });
  int Found = -1;
  for (auto I = End; I != Spans.begin();) {
    --I;
    if (I->MaxEnd < Where.Offset)
      break;
    if (I->End < Where.Offset)
      continue;
    if (Found >= 0 && Nodes[Found].Facts.Where.Offset != I->Begin)
      break;
    if (Found < 0 || rank(I->Node, Where) < rank(Found, Where))
      Found = I->Node;
  }
  return Found;
}

unsigned HeapGraph::rank(int I, const SourcePoint &Where) const {
  const Node &N = Nodes[I];
  auto At = [&](const SourcePoint &P) {
    return P.Offset == Where.Offset && P.File == Where.File;
  };
  return (inScope(I) ? 0 : 4) + (N.isSpecialisation() ? 1 : 0) +
         (llvm::any_of(N.Dropped, At) ? 2 : 0);
}

bool HeapGraph::isReported(const SourcePoint &Where) const {
  int Inner = functionAt(Where);
  if (Inner < 0)
    return InScope.empty(); // Declarations: reported unless scoped.
  // Code only specialisations that leave it out reach runs for no root.
  return !Nodes[Inner].Facts.Allowed && rank(Inner, Where) < 2;
}

std::vector<std::string> HeapGraph::unmatchedPatterns() const {
  std::vector<std::string> Unmatched;
  for (const auto *Patterns : {&Options.Roots, &Options.AllowedZones})
    for (const std::string &P : *Patterns)
      if (llvm::none_of(Nodes, [&](const Node &N) {
            return N.Facts.Defined && matches(N.Facts, P);
          }))
        Unmatched.push_back(P);
  return Unmatched;
}

} // namespace noalloc
