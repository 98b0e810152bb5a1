//===--- HeapGraph.h - The linked program and its heap effects ------------===//
//
// The link step: joins the facts of every translation unit into one call
// graph, resolves virtual and indirect calls, decides functions without a
// body from their summary or the knowledge base, and propagates, backwards
// along calls, each cause of heap use separately, keeping for each function
// the shortest witness path of each cause. Paths are data: turning them
// into sentences is the report layer's job (checks/report).
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_CHECKS_LINK_HEAPGRAPH_H
#define NOALLOC_CHECKS_LINK_HEAPGRAPH_H

#include "facts/Facts.h"
#include "facts/ProgramFacts.h"
#include "knowledge/KnowledgeBase.h"
#include "link/CallTargets.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/StringSaver.h"
#include <array>
#include <deque>
#include <map>
#include <memory>
#include <optional>

namespace noalloc {

/// What a function may do to the heap, as a lattice: None < Releases <
/// AllocatesOnFailure < Bounded < Unknown < Allocates. Bounded: it
/// allocates from a memory resource that uses no heap while it has room,
/// and throws std::bad_alloc (a failure path, which allocates the
/// exception) when the resource is exhausted.
enum class Effect {
  None,
  Releases,
  AllocatesOnFailure,
  Bounded,
  Unknown,
  Allocates
};

/// How code without a body counts: `lenient` accepts what cannot be seen
/// in library code, `strict` counts everything that cannot be shown
/// allocation-free as allocating.
enum class Strictness { Lenient, Strict };

/// Whether allocation on a library's failure path only (it throws) is
/// reported, as its own kind, or accepted as allocation-free.
enum class FailurePaths { Report, Accept };

enum class Cause;

/// How the answers are given: applied when an answer is asked for, never
/// baked into the graph.
struct Policy {
  Strictness Unseen = Strictness::Lenient;
  FailurePaths Failures = FailurePaths::Report;
  /// noalloc-c-allocation.ReportMayAllocate: the run reports the functions
  /// the knowledge base says allocate on some inputs (printf).
  bool ReportMayAllocate = false;

  static Policy lenient() { return {}; }
  static Policy strict() {
    return {Strictness::Strict, FailurePaths::Report, false};
  }
  /// From noalloc-call's options Policy ('lenient', 'strict') and
  /// FailurePaths ('report', 'accept'), which the check validates, and
  /// noalloc-c-allocation's ReportMayAllocate.
  static Policy fromOptions(llvm::StringRef Unseen, llvm::StringRef Failures,
                            bool ReportMayAllocate) {
    return {Unseen == "strict" ? Strictness::Strict : Strictness::Lenient,
            Failures == "accept" ? FailurePaths::Accept : FailurePaths::Report,
            ReportMayAllocate};
  }
  bool isStrict() const { return Unseen == Strictness::Strict; }
  /// Whether a may-allocate library function counts as allocating: the one
  /// place that decides it, for the verdicts and the warnings alike.
  bool countsMayAllocate() const { return isStrict() || ReportMayAllocate; }
  /// Whether a path of cause \p C counts towards the answer, or is accepted
  /// as allocation-free: for the verdicts, the warnings and --explain.
  bool counts(Cause C) const;
};

/// Why a function may reach the heap, or cannot be shown not to. Each cause
/// propagates on its own, with its own shortest witness path.
enum class Cause {
  /// Reaches an allocation.
  Allocation,
  /// Reaches a release of heap memory.
  Release,
  /// Reaches user code with no body in the analysed files, or an indirect
  /// call no known function answers: the run cannot see it.
  Unseen,
  /// Reaches library code that is allocation-free only by assumption: a
  /// compiled library function without knowledge.
  Assumed,
  /// Reaches a function the knowledge base says allocates on some inputs
  /// only (effect: may-allocate): allocating when the policy counts it.
  MayAllocate,
  /// Reaches an allocation only on a library's failure path: a throw in
  /// library code, a throw helper (std::__throw_system_error).
  Failure,
  /// Takes memory from a bounded memory resource: a fixed buffer with
  /// null_memory_resource() upstream. Not the heap while it has room;
  /// running out throws std::bad_alloc, a failure path.
  Bounded,
};
inline constexpr unsigned NumCauses = 7;

inline bool Policy::counts(Cause C) const {
  switch (C) {
  case Cause::Assumed:
    return isStrict();
  case Cause::MayAllocate:
    return countsMayAllocate();
  // Running out of a bounded memory resource throws std::bad_alloc: a
  // failure path too.
  case Cause::Failure:
  case Cause::Bounded:
    return Failures == FailurePaths::Report;
  default:
    return true;
  }
}

struct LinkOptions {
  /// Globs over qualified names (or exact USRs) of roots and allowed zones,
  /// in addition to the attributes in the code.
  std::vector<std::string> Roots;
  std::vector<std::string> AllowedZones;
  /// The user's knowledge files the checks read: the link reads them too.
  std::vector<std::string> KnowledgeFiles;
  /// A link of part of the program (one unit's, to summarise its library
  /// functions, or the plugin's without FactsDirectory): what the other
  /// units store into a pointer is not in view, so a pointer this part
  /// only sets to null may hold any function of its type.
  bool PartialProgram = false;
  /// A unit's summary of its library functions: library code's calls
  /// reach library code only. What a library function's user code (a
  /// lambda std::sort calls) does is the link's to follow, with the whole
  /// program in view, not a part of the summary.
  bool LibraryAlone = false;
  /// The program has units the link lacks (a run over some of a
  /// compilation database's files, whose other units the cache cannot
  /// answer): besides PartialProgram's rule, an indirect or virtual call
  /// may reach their functions, which noalloc cannot see.
  bool UnitsOutside = false;
  /// The user's word on whether the run is a whole program (option
  /// WholeProgram), over what the link detects: firmware linked statically
  /// has no clients whatever API it defines; a library's run may hold an
  /// example program. Unset: detected (HeapGraph::wholeProgram).
  std::optional<bool> WholeProgram;

  /// The option WholeProgram's value: 'auto' (detected), 'true' or
  /// 'false'; none for any other word.
  static std::optional<std::optional<bool>>
  parseWholeProgram(llvm::StringRef Value) {
    if (Value == "auto")
      return std::optional<bool>();
    if (Value == "true" || Value == "false")
      return std::optional<bool>(Value == "true");
    return std::nullopt;
  }
};

/// The first step of a shortest path from a function towards a cause: its
/// own site, or a call and the function it reaches.
struct Witness {
  int Site = -1;
  int Call = -1;
  int Target = -1;
  unsigned Distance = ~0u;
  bool found() const { return Distance != ~0u; }
};

/// A library function each unit summarised alone (its body calls through
/// pointers what the unit stores), or what the callables each unit stores
/// into std::function do: what any of them may do, in whatever order the
/// units come.
void joinSummary(LibrarySummary &Known, const LibrarySummary &S);

/// "may allocate only when it fails (throws 'std::system_error')": the
/// exception if known, else the condition, else nothing.
std::string failurePhrase(llvm::StringRef Exception, llvm::StringRef Condition);
/// What a bounded memory resource does: "no heap while it has room; when
/// exhausted it throws 'std::bad_alloc', ..." (also noalloc-pmr's words).
std::string boundedExhaustion();
/// What a call that takes memory from a bounded memory resource does.
std::string boundedPhrase();
/// The warning's words for such a call: "may allocate only when it fails
/// (throws 'std::bad_alloc')".
std::string boundedFailurePhrase();

/// A place in a file whose name the graph holds (HeapGraph's strings).
struct LinkedPoint {
  llvm::StringRef File;
  unsigned Offset = 0;
  unsigned Line = 0;
  unsigned Column = 0;
  SourcePoint point() const { return {File.str(), Offset, Line, Column}; }
};

/// The fields of a CallSite that few calls have: a member a constructor
/// or destructor makes, a captured object's declaration, a std::pmr
/// parameter, the guards and the known arguments of a call in user code.
struct CallDetails {
  llvm::StringRef Member;
  llvm::StringRef MemberType;
  LinkedPoint ObjectDeclared;
  llvm::StringRef ObjectParameter;
  std::vector<ParameterValue> Guards;
  std::vector<ParameterValue> Arguments;
};

/// A call as the link holds it: CallSite's fields (see there), each string
/// kept once by the graph for all the calls that name it, and the rare
/// fields apart. The link of a template-heavy program holds hundreds of
/// thousands of calls (nlohmann/json: 242,000, about 700 bytes each as
/// CallSites, most of it copies of the same USRs, names and paths).
struct LinkedCall {
  llvm::StringRef Callee;
  llvm::StringRef CalleeName;
  llvm::StringRef Pointer;
  LinkedPoint Where;
  CallKind Kind = CallKind::Direct;
  ObjectMemory Object = ObjectMemory::None;
  bool Accepted = false;
  bool ObjectOutside = false;
  bool InThrow = false;
  bool InNoReturnCall = false;
  bool InCatch = false;
  bool Nonallocating = false;
  bool OpenToClients = false;
  /// Null when the call has none of them.
  const CallDetails *Details = nullptr;

  llvm::StringRef member() const { return Details ? Details->Member : ""; }
  llvm::StringRef memberType() const {
    return Details ? Details->MemberType : "";
  }
  LinkedPoint objectDeclared() const {
    return Details ? Details->ObjectDeclared : LinkedPoint();
  }
  llvm::StringRef objectParameter() const {
    return Details ? Details->ObjectParameter : "";
  }
  llvm::ArrayRef<ParameterValue> guards() const {
    return Details ? llvm::ArrayRef(Details->Guards)
                   : llvm::ArrayRef<ParameterValue>();
  }
  llvm::ArrayRef<ParameterValue> arguments() const {
    return Details ? llvm::ArrayRef(Details->Arguments)
                   : llvm::ArrayRef<ParameterValue>();
  }
  /// The call as facts hold it, every string copied.
  CallSite site() const;
};

/// What HeapGraph::targets reads of a call (its kind, Nonallocating,
/// OpenToClients, Callee and Pointer), as a name: calls with the same name
/// reach the same functions.
std::string dispatchKey(CallKind Kind, bool Nonallocating, bool OpenToClients,
                        llvm::StringRef Callee, llvm::StringRef Pointer);
template <typename Call> std::string dispatchKey(const Call &C) {
  return dispatchKey(C.Kind, C.Nonallocating, C.OpenToClients, C.Callee,
                     C.Pointer);
}

/// Whether \p Call (a CallSite or a LinkedCall) reaches what the program
/// makes it reach, not a function its callee names: a virtual call or one
/// through a pointer. Those that library code makes are kept in the unit's
/// summary (LibraryCallees), to be resolved with the whole program in view.
template <typename Call> bool isDispatched(const Call &C) {
  return C.Kind == CallKind::Virtual || C.Kind == CallKind::Indirect;
}

/// The node a call reaches when no function of the program answers it: an
/// indirect call nothing known is stored into (not a followed pointer
/// that is only ever null: it reaches nothing), a call through a block.
inline constexpr llvm::StringLiteral UnknownUSR = "noalloc:unknown";

/// The head of the USR of a function as the direct calls whose known
/// arguments rule out some of its code run it ('pfn(ch, io, false)' and
/// its 'if (expand && ...) resize(io)'), followed by the function's USR,
/// '|' and those arguments: its code without what they rule out.
inline constexpr llvm::StringLiteral SpecialisedPrefix = "noalloc:specialised:";

/// The head of the USR of the operator() of a type the knowledge base says
/// 'holds-callable' of (etl::delegate), followed by the operator's USR, as
/// a call through a followed object runs it: its own code without its
/// calls through the field that holds the target (the targets are the
/// call's own), so that what it does besides, its failure path on an
/// empty object, still counts.
inline constexpr llvm::StringLiteral CallableOperatorPrefix =
    "noalloc:callable-operator:";

class HeapGraph {
public:
  struct Node {
    /// Its facts, but for the calls: those are Calls.
    FunctionFacts Facts;
    std::vector<LinkedCall> Calls;
    /// Further definitions of the same function elsewhere (several
    /// programs in one run, or an ODR violation), or its inline-only
    /// bodies beside its external definition (FunctionFacts::InlineOnly):
    /// their sites and calls are joined into Facts and Calls, since any of
    /// them may run.
    struct Definition {
      SourcePoint Where;
      unsigned EndOffset;
      bool InlineOnly;
    };
    std::vector<Definition> OtherDefinitions;
    /// One definition compiled into different bodies by the units that
    /// include it (a static inline function under '#ifdef NO_HEAP' that
    /// one unit defines): how many times another unit's version
    /// differed. Their sites and calls are joined into Facts and Calls:
    /// each unit runs its own.
    unsigned OtherVersions = 0;
    /// How many places define it with a body a call may run whatever the
    /// compiler inlines: its external definitions, not its inline-only
    /// bodies (0 when the run has none of them).
    unsigned externalDefinitions() const;
    /// For functions without a body: which causes they are themselves.
    std::array<bool, NumCauses> Leaf{};
    /// Why a leaf is each cause it is, in a few words ("allocates on the
    /// heap"), and for one that allocates on failure the exception, if
    /// known. Made for leaves only: most nodes have none.
    struct LeafWords {
      std::array<std::string, NumCauses> Why;
      std::string Exception;
    };
    std::unique_ptr<LeafWords> Words;
    std::array<Witness, NumCauses> Why;
    /// No body, no summary and no knowledge: noalloc cannot tell.
    bool Opaque = false;
    /// For a specialisation (SpecialisedPrefix): the function it is of,
    /// and where the sites and calls it leaves out are.
    int Original = -1;
    std::vector<SourcePoint> Dropped;
    bool isSpecialisation() const { return Original >= 0; }

    llvm::StringRef leafWhy(Cause C) const {
      return Words ? llvm::StringRef(Words->Why[unsigned(C)]) : "";
    }
    llvm::StringRef leafException() const {
      return Words ? llvm::StringRef(Words->Exception) : "";
    }
    LeafWords &words() {
      if (!Words)
        Words = std::make_unique<LeafWords>();
      return *Words;
    }
    bool reaches(Cause C) const { return Why[unsigned(C)].found(); }
    const Witness &witness(Cause C) const { return Why[unsigned(C)]; }
    /// A function whose code the user wrote and the run has.
    bool isUserDefinition() const {
      return Facts.Defined && !Facts.InSystemHeader;
    }
    /// A function of the user's code, with or without a body here.
    bool isUserCode() const {
      return !Facts.InSystemHeader && !isUnknownTargets();
    }
    /// The stand-in for the unseen targets of a call (UnknownUSR).
    bool isUnknownTargets() const { return Facts.USR == UnknownUSR; }
    /// The stand-in a call with a buffer calls (realpath(path, buf),
    /// MayAllocateCallPrefix): its knowledge entry's not-null-effect and
    /// condition decide it, not its summary.
    bool isMayAllocateCall() const {
      return llvm::StringRef(Facts.USR).starts_with(MayAllocateCallPrefix);
    }
  };

  HeapGraph(std::vector<TranslationUnitFacts> Units, const KnowledgeBase &KB,
            LinkOptions Options);
  HeapGraph(ProgramFacts Program, const KnowledgeBase &KB,
            LinkOptions Options);

  size_t size() const { return Nodes.size(); }
  const Node &node(int I) const { return Nodes[I]; }
  /// The node of \p USR, or -1.
  int find(llvm::StringRef USR) const;
  /// The functions \p Call may reach; the unknown node if none, nothing
  /// for a call through a pointer of [[clang::nonallocating]] type or a
  /// followed pointer that the program only sets to null.
  std::vector<int> targets(const LinkedCall &Call) const;
  /// The same for call \p Index of node \p Function, resolved once: calls
  /// that dispatch the same way share the list (see CallTargets).
  llvm::ArrayRef<int> targets(int Function, int Index) const {
    return Targets.of(Function, Index);
  }
  /// Every call's targets, as lists shared by the calls that dispatch the
  /// same way: what a report decides from a call's targets alone, it can
  /// decide once per list.
  const CallTargets &callTargets() const { return Targets; }
  /// Whether \p Target is stored into the pointer the indirect \p Call
  /// reads, which noalloc follows.
  bool storedInto(const LinkedCall &Call, int Target) const;
  /// For a call of a std::function slot: why noalloc cannot tell all it
  /// may hold ("'cb_': it is passed by reference to 'reset'"), or "".
  std::string unfollowedCallable(const LinkedCall &Call) const;
  /// Whether \p Call reaches code noalloc cannot see because clients
  /// outside the run may redirect it (openToClients): what a report says of
  /// its unknown target.
  bool redirectedByClients(const LinkedCall &Call) const {
    return openToClients(Call);
  }
  /// Whether \p Call names a weak definition of user code (a HAL's
  /// '__weak' callback) that code outside a run that is no whole program
  /// may replace with a strong one: the call also reaches the unknown node.
  bool replaceableOutside(const LinkedCall &Call) const;
  /// The function that keeps a run defining 'main' from being taken as a
  /// whole program (a library API nothing in the run calls), for the
  /// summary; -1 when the run is whole, has no 'main', or the user said
  /// what it is (LinkOptions::WholeProgram).
  int entryOpenToClients() const;

  /// The lattice value: what the function may do, whatever the policy.
  Effect lattice(int I) const;
  /// The answer under \p P: strict counts every cause but releases as
  /// allocating; lenient accepts assumptions about library code.
  Effect effect(int I, Policy P) const;
  /// A function a caller passes for a function-pointer parameter that
  /// node I calls (or passes on), which its callers' calls stand for.
  struct ParameterTarget {
    /// The call of node I through the parameter, or that passes it on.
    int Call = -1;
    /// The function passed, and the function that passes it.
    int Target = -1;
    int Passer = -1;
  };
  /// What node I runs through the function-pointer parameters it calls,
  /// resolved at its callers (the propagation charges each caller with
  /// what it passes, not node I): its own verdict counts them.
  std::vector<ParameterTarget> parameterTargets(int I) const;
  /// The cause that decides effect(I, P), for its witness path.
  Cause decidingCause(int I, Policy P) const;
  /// The exception thrown at the end of \p I's failure path ('std::bad_alloc'),
  /// or "" when unknown.
  std::string failureException(int I) const;

  /// Roots: functions marked, or matched by LinkOptions::Roots.
  bool hasRoots() const { return !RootNodes.empty(); }
  const std::vector<int> &roots() const { return RootNodes; }
  bool inScope(int I) const { return InScope.empty() || InScope[I]; }
  /// In scoped mode, how a root reaches \p I: the caller and its call.
  int scopeParent(int I) const { return ScopeParent[I]; }
  int scopeParentCall(int I) const { return ScopeParentCall[I]; }

  /// The innermost user function whose definition contains \p Where, or
  /// -1. Among instantiations of one template, and the specialisations of
  /// a function, one that is in scope, the function itself first, then a
  /// specialisation that keeps the code at \p Where.
  int functionAt(const SourcePoint &Where) const;
  /// The function \p I is, or is a specialisation of; -1 for -1.
  int original(int I) const {
    return I >= 0 && Nodes[I].isSpecialisation() ? Nodes[I].Original : I;
  }
  /// Whether a finding at \p Where belongs to reported code: not in an
  /// allowed zone, and, when there are roots, reachable from one.
  bool isReported(const SourcePoint &Where) const;

  /// Patterns (Roots, AllowedZones) that match no function of the program.
  std::vector<std::string> unmatchedPatterns() const;
  /// Functions with external definitions at more than one place, each taken
  /// as any of them.
  std::vector<int> multiplyDefined() const;
  /// Functions defined once but compiled into different bodies by the
  /// units that include them, each taken as any of its versions.
  std::vector<int> multiplyCompiled() const;

  /// Whether the analysis follows \p Call: not accepted, not made in an
  /// allowed zone; and \p Target: not an allowed zone.
  bool follows(const CallTargets::Call &Call) const;
  bool follows(int Target) const { return !Nodes[Target].Facts.Allowed; }
  /// Whether \p Call is evaluated only on a failure path: library code's
  /// to throw, or as an argument of a call that does not return, and any
  /// call in a user's 'catch' handler.
  bool isFailureCall(const CallTargets::Call &Call) const;

  /// Nodes reachable from \p From, not through allowed zones or accepted
  /// calls, in breadth-first order; \p Parent and \p ParentCall record how
  /// each was reached.
  std::vector<int> reachable(const std::vector<int> &From,
                             std::vector<int> *Parent = nullptr,
                             std::vector<int> *ParentCall = nullptr) const;

  /// The facts of every function, in the order they were joined, for a
  /// caller done with the graph: the extractor's summary of a unit hands
  /// its facts to a graph and takes them back, without a copy.
  std::vector<FunctionFacts> takeFunctions() &&;

  /// Whether \p F matches a pattern: its USR, its name, or a glob of it.
  static bool matches(const FunctionFacts &F, llvm::StringRef Pattern);

private:
  void join(ProgramFacts &Program);
  void joinFunction(FunctionFacts &F);
  void decideLeaf(Node &N);
  /// The program's function for copying or destroying the callable of a
  /// std::function: what the units store, joined; noalloc cannot see what
  /// it runs when no unit stores one.
  void decideCallableOperation(Node &N, int UnseenSource);
  /// A function no analysed code defines that may hand out a std::function
  /// (FunctionFacts::HandsOutCallables), or -1.
  int unseenCallableSource() const;
  /// Those functions, when library code calls them and no unit stores a
  /// callable.
  void addUnstoredCallableOperations();
  /// A weak and a strong definition of one function: the strong one.
  static void preferStrong(Node &N, std::vector<LinkedCall> Calls,
                           FunctionFacts Other);
  static void joinDefinition(Node &N, std::vector<LinkedCall> Calls,
                             FunctionFacts Other);
  /// An inline-only body and the external definition, in either order: a
  /// call runs the body where the compiler inlines it, the definition
  /// elsewhere. The external definition is the node's.
  static void joinInlineBody(Node &N, std::vector<LinkedCall> Calls,
                             FunctionFacts Other);
  static void joinVersion(Node &N, std::vector<LinkedCall> Calls,
                          FunctionFacts Other);
  /// \p Calls as the graph holds them; they are freed.
  std::vector<LinkedCall> link(std::vector<CallSite> Calls);
  /// \p S, kept once for the whole graph.
  llvm::StringRef keep(llvm::StringRef S);
  LinkedPoint keep(const SourcePoint &P);
  void resolveCalls();
  /// Points each direct call whose known arguments rule out code of its
  /// callee, or of what the callee passes them on to, to the callee's
  /// specialisation for them.
  void specialiseCalls();
  /// Adds, for the operator() of each type that holds a callable that a
  /// call through a followed object names, its code without its calls
  /// through the target's field (CallableOperatorPrefix), a specialisation
  /// of it.
  void addCallableOperatorBodies();
  /// Whether the link may use \p V: not a field that some code writes
  /// (WrittenFields), nor a parameter passed on.
  bool trusted(const ParameterValue &V) const;
  /// Of each function, the guards its arguments may contradict: its own,
  /// and those of the functions it passes its parameters on to unchanged,
  /// as guards of its own parameters.
  std::vector<std::vector<ParameterValue>> relevantGuards() const;
  /// A specialisation: of the node, for the arguments, named.
  struct Specialisation {
    int Of;
    std::vector<ParameterValue> Passed;
    std::string USR;
  };
  /// The specialisation \p Call should call, if any: of its callee, for
  /// its arguments that contradict some of \p Relevant.
  std::optional<Specialisation>
  specialisationFor(const LinkedCall &Call,
                    llvm::ArrayRef<std::vector<ParameterValue>> Relevant) const;
  /// Adds the specialisation \p S: its node's code without what its
  /// arguments rule out, whose calls that pass a parameter on pass what
  /// is known of it. Returns its index.
  int addSpecialisation(const Specialisation &S);
  /// \p Call as a specialisation for \p Passed makes it: passing on a
  /// parameter, it passes what \p Passed says of it.
  LinkedCall passOn(const LinkedCall &Call,
                    llvm::ArrayRef<ParameterValue> Passed);
  /// targets() of a call in library code: without user code, if the
  /// options say LibraryAlone.
  std::vector<int> libraryTargets(const LinkedCall &Call) const;
  /// targets() of a dispatched call a unit's summary of a library function
  /// keeps: what the unit could not see, user code and other units'
  /// summarised library functions; nothing, not the unknown node, when
  /// there is none.
  std::vector<int> keptTargets(const LinkedCall &Call) const;
  void propagate();
  /// \p ThroughFailureCalls: whether \p C propagates through calls that
  /// isFailureCall. \p Seeds: witnesses of \p C for nodes that are no leaf
  /// and have no site of it.
  void propagate(Cause C, bool ThroughFailureCalls,
                 const std::map<int, Witness> &Seeds = {});
  void indexFunctions();
  /// A followed pointer of the program: what every unit stores into it.
  struct Pointer {
    std::vector<int> Functions;
    bool OtherWrites = false;
    bool Copied = false;
    bool NullStored = false;
    /// A function the program does not have returned what is stored into
    /// it ('w = factory()'): it may hold a function the program lacks.
    bool Foreign = false;
    /// Code a unit does not see that may write it (PointerFacts::Writers),
    /// until resolveWriters.
    std::vector<std::string> Writers;
    /// For a std::function slot: the slots stored into it, and why
    /// something unfollowed may be in it.
    std::vector<std::string> Sources;
    std::string Unfollowed;
    /// Clients outside the run may store their functions into it: what
    /// they store into a pointer they can name is copied into it
    /// (ClientsWriter), or what they pass to a function they may call (of
    /// user code, with external linkage) for a parameter stored into it.
    /// Set in a run that is no whole program only.
    bool FromClients = false;
  };
  /// What a std::function slot may hold, across the slots stored into it.
  struct CallableTargets {
    std::vector<int> Functions;
    std::string Unfollowed;
  };
  CallableTargets callableTargets(llvm::StringRef Key) const;
  void joinPointers(const std::vector<ProgramFacts::Unit> &Units);
  /// A pointer that code the program does not have may write is written
  /// unseen ('other_writes'): once the functions and signatures are known.
  void resolveWriters();
  /// The function-pointer parameters stored into \p P (its writers keyed
  /// ParameterPrefix): it holds what their functions' callers pass, or
  /// anything when noalloc does not see every caller.
  void resolveParameterWriters(Pointer &P);
  /// Adds to \p Out what the callers pass for the parameter \p Key,
  /// through the parameters of theirs they pass on; false when something
  /// noalloc does not follow may be passed. \p Seen: the keys followed.
  bool parameterValues(llvm::StringRef Key, std::vector<int> &Out,
                       llvm::StringSet<> &Seen) const;
  /// Whether nothing passes the parameter \p Key anything because nothing
  /// calls its function: user code no caller outside the program may run,
  /// in a program that defines 'main'.
  bool unpassedParameter(llvm::StringRef Key) const;
  /// Sorts \p P's functions, drops repeats, and marks them escaping when
  /// the pointer is copied.
  void settleFunctions(Pointer &P);
  bool DefinesMain = false;
  /// The main files of the linked units.
  llvm::StringSet<> MainFiles;
  /// Whether client code outside a run that is no whole program may
  /// redirect \p Call to code of its own: a virtual call of a member of a
  /// class it can derive from, a call through a pointer it can store into
  /// (CallSite::OpenToClients), or through a pointer its functions may
  /// reach (Pointer::FromClients). The call also reaches the unknown node.
  bool openToClients(const LinkedCall &Call) const;
  /// Whether code outside the run may call into it and redirect its calls:
  /// it is no whole program, nor a partial link (which has its own rule).
  bool clientsOutside() const;
  /// Whether code outside the run may call the function the parameter
  /// \p Key belongs to, with a function of its own (ParameterPrefix): user
  /// code with external linkage, in a run that is no whole program.
  bool passedByClients(llvm::StringRef Key) const;
  /// A function code outside the run may call (see findOpenEntry), or -1.
  int OpenEntry = -1;
  /// Whether the run is a whole program: no unit of it is outside the
  /// link, and the user says so (LinkOptions::WholeProgram) or it defines
  /// 'main' and none of its functions is open to callers outside it.
  /// Nothing outside calls its functions or writes its pointers.
  bool wholeProgram() const;
  /// A user function with external linkage, defined in a unit's main file,
  /// that nothing in the run calls, takes the address of or reaches as an
  /// overrider, and that is no root or 'main': the API of a library that
  /// the run holds beside a program (leveldb's C API beside its
  /// 'leveldbutil' tool in CMake's database). -1 if none.
  int findOpenEntry() const;
  /// Whether every function the writer \p Key may run is analysed code
  /// (its stores are in the facts), or the variable it names is defined in
  /// an analysed unit.
  bool seesWriter(llvm::StringRef Key) const;
  /// The pointer \p Call reads, if followed and written with functions and
  /// null pointers only (none stored: the program only sets it to null),
  /// or, in a whole program, never written at all.
  const Pointer *followedPointer(const LinkedCall &Call) const;
  /// Whether \p Call runs through a pointer or object returned by a
  /// function the program does not have ('factory()(p)'), or through a
  /// pointer such a function's result is stored into ('w = factory(); w()'):
  /// it may point to a function, or be of a class, that the program does
  /// not have either.
  bool returnedUnseen(const LinkedCall &Call) const;
  /// Whether the program has the code of the function \p USR names.
  bool analysed(llvm::StringRef USR) const;
  /// A virtual call's targets without its pure virtual functions, unless
  /// they are all there is.
  void dropPureVirtuals(std::vector<int> &Targets) const;
  /// The function-pointer parameters (their keys, ParameterPrefix) that
  /// their functions call, or pass on to a function that calls them.
  void findCalledParameters();
  /// Whether the calls through the parameter \p Key are its callers': no
  /// code noalloc does not see may call its function, and every call of
  /// it passes a known function or null for the parameter, which the
  /// caller calls (PassedPrefix) where the function would.
  bool resolvedParameter(llvm::StringRef Key) const;
  /// The functions an indirect call may reach, the unknown node for what
  /// noalloc does not follow; nothing when its pointer is only ever null.
  std::vector<int> indirectTargets(const LinkedCall &Call) const;
  /// Adds the overriders of the virtual members among \p Targets: a
  /// pointer to a virtual member function calls the object's overrider
  /// ('(B.*Op)()' with 'Op = &Base::run' runs 'Derived::run').
  void addOverriders(std::vector<int> &Targets) const;
  /// Adds the unknown node to \p Targets, once.
  void reachUnknown(std::vector<int> &Targets) const;
  /// With units outside the link, the unknown node joins a dispatched
  /// call's \p Targets: those units may define another target.
  void reachUnitsOutside(std::vector<int> &Targets) const;

  const KnowledgeBase &KB;
  LinkOptions Options;
  /// The strings of the calls, each once (LinkedCall), and their rare
  /// fields: both stay in place as the graph moves.
  struct StringTable {
    llvm::BumpPtrAllocator Memory;
    llvm::UniqueStringSaver Unique{Memory};
  };
  std::unique_ptr<StringTable> Strings = std::make_unique<StringTable>();
  std::deque<CallDetails> Details;
  /// The fields some code of the program writes other than in its own
  /// local variables (FunctionFacts::WrittenFields).
  llvm::StringSet<> WrittenFields;
  std::vector<Node> Nodes;
  llvm::StringMap<int> ByUSR;
  llvm::StringMap<std::vector<int>> Overriders;
  llvm::StringMap<std::vector<int>> BySignature;
  llvm::StringMap<Pointer> Pointers;
  /// findCalledParameters.
  llvm::StringSet<> CalledParameters;
  /// The calls that pass something for a parameter, by its key: (node,
  /// call). findCalledParameters.
  llvm::StringMap<std::vector<std::pair<int, int>>> PassedCalls;
  /// What the callers pass for parameter \p Key, followed through the
  /// parameters of theirs they pass on; \p Seen: the keys followed.
  void passedFunctions(llvm::StringRef Key, int Call,
                       std::vector<ParameterTarget> &Out,
                       llvm::StringSet<> &Seen) const;
  /// Functions that may be in any pointer of their type: their address
  /// escapes, or a pointer they are stored into is copied.
  std::vector<bool> Escaping;
  std::vector<int> RootNodes;
  /// The targets of every call, resolved once, and indexed both ways for
  /// what the analysis follows: --explain='*' walks them from every
  /// function.
  CallTargets Targets{0};
  /// For scoped mode: the reachable nodes and how each was reached.
  std::vector<bool> InScope;
  std::vector<int> ScopeParent;
  std::vector<int> ScopeParentCall;
  /// Definitions by file, sorted by start, with the running maximum of
  /// their ends: functionAt is a binary search, not a scan.
  struct Span {
    unsigned Begin, End, MaxEnd;
    int Node;
  };
  llvm::StringMap<std::vector<Span>> SpansByFile;
  /// How functionAt(\p Where) prefers node \p I, lower first: in scope,
  /// the function itself, a specialisation that keeps the code there.
  unsigned rank(int I, const SourcePoint &Where) const;
};

} // namespace noalloc

#endif // NOALLOC_CHECKS_LINK_HEAPGRAPH_H
