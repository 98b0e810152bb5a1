//===--- HeapReport.h - What the linked program says, in words ------------===//
//
// The report layer: decides which calls noalloc-call and
// noalloc-unknown-call report (one warning per cause), renders witness
// paths as notes, and answers per function for JSON, SARIF and --explain.
// Everything here reads the linked HeapGraph; nothing here changes it.
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_CHECKS_REPORT_HEAPREPORT_H
#define NOALLOC_CHECKS_REPORT_HEAPREPORT_H

#include "link/HeapGraph.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <functional>
#include <optional>

namespace noalloc {

/// One note of a finding: a step of a path, at its own location.
struct ChainStep {
  std::string Message;
  SourcePoint Where;
};

/// How much of a long chain a report shows: the first steps (the root and
/// its first calls), those around the finding, and the last ones (down to
/// the heap site); two or more steps between are one note that counts
/// them, at the place of the first. Every format shows the same steps, so a
/// report costs time and memory in proportion to its findings, whatever the
/// depth of the call graph.
class ChainWindow {
public:
  static constexpr size_t First = 8, AroundFinding = 4, Last = 8;

  /// A chain of \p Length steps in run order, the finding's own message at
  /// \p Finding (0 when there is none).
  ChainWindow(size_t Length, size_t Finding)
      : Length(Length), Finding(Finding) {}
  bool shows(size_t Step) const {
    return Step < First || Step + Last >= Length ||
           (Step + AroundFinding >= Finding && Step <= Finding + AroundFinding);
  }
  /// The first step from \p Step on that the window shows, or the length:
  /// a run of steps left out is skipped, not walked.
  size_t nextShown(size_t Step) const {
    if (Step >= Length || shows(Step))
      return std::min(Step, Length);
    size_t Next = Length;
    for (size_t Start : {Finding > AroundFinding ? Finding - AroundFinding : 0,
                         Length > Last ? Length - Last : 0})
      if (Start > Step)
        Next = std::min(Next, Start);
    return Next;
  }

private:
  size_t Length, Finding;
};

/// The note standing for \p Count steps a report leaves out, and back.
std::string leftOutMessage(size_t Count);
std::optional<size_t> leftOutSteps(llvm::StringRef Message);

struct CallFinding {
  std::string Check;
  std::string Message;
  SourcePoint Where;
  std::vector<ChainStep> Notes;
};

struct ReportOptions {
  Policy Policy = Policy::lenient();
  /// Whether a check runs. A call that an enabled direct check reports
  /// already (the object it grows, the malloc it is) is left to it.
  std::function<bool(llvm::StringRef)> CheckEnabled = [](llvm::StringRef) {
    return true;
  };
  /// Every call that reaches the heap, instead of the first of each
  /// function with a note counting the others.
  bool EveryCall = false;
};

/// noalloc-call: for each reported function, its first call that may
/// allocate (in scoped mode: or release), and, in scoped mode, its first
/// call into code the run cannot see; each with its path as notes.
std::vector<CallFinding> callFindings(const HeapGraph &Graph,
                                      const KnowledgeBase &KB,
                                      const ReportOptions &Options);

/// noalloc-unknown-call: each call that may reach a function with no body,
/// no summary and no knowledge (its only target, or one of a virtual or
/// indirect call's), in a function noalloc-call looks at, not accepted, one
/// per place. The tool's summary line counts these same calls.
std::vector<CallFinding> unknownCallFindings(const HeapGraph &Graph,
                                             const ReportOptions &Options);

/// In scoped mode, for each place, the name of the root that reaches the
/// function around it (the root its findings' notes start from); empty
/// without roots or outside a function. All at once: each walk up to a root
/// is shared by the functions on it.
std::vector<std::string> reachingRoots(const HeapGraph &Graph,
                                       llvm::ArrayRef<SourcePoint> Where);

/// The calls the run could not follow, for the summary line: the
/// noalloc-unknown-call findings the run keeps, counted by kind.
struct UnseenCalls {
  /// Into functions with no body or knowledge (no analysed file defines
  /// them).
  unsigned Undefined = 0;
  /// Through function pointers (or blocks) no function of the program
  /// answers.
  unsigned Pointers = 0;
  /// Of std::function objects that may hold what noalloc does not follow.
  unsigned Callables = 0;
  /// Virtual calls, and calls through pointers, that a library's clients
  /// may redirect to their own code (HeapGraph::redirectedByClients).
  unsigned Open = 0;
  /// In a run that defines 'main', the function that keeps it from being
  /// a whole program (HeapGraph::entryOpenToClients), as "'f' (f.c:3)";
  /// empty otherwise.
  std::string OpenEntry;
  unsigned total() const { return Undefined + Pointers + Callables + Open; }
  /// Counts one noalloc-unknown-call finding, of the kind its message says.
  void add(llvm::StringRef UnknownCallMessage);
  /// Notes the function that keeps \p G from being a whole program, if any.
  void noteOpenEntry(const HeapGraph &G);
  /// When calls open to clients were counted in a run with 'main', why the
  /// run is no whole program and the option that says it is; else empty.
  std::string openEntryLine() const;
  /// The summary line, without "noalloc: ": "6 calls through function
  /// pointers whose targets noalloc cannot see could not be followed";
  /// empty when there are none.
  std::string describe() const;
};

/// The calls of user code into library code that may allocate on some
/// inputs (knowledge's may-allocate: qsort's merge buffer, printf's first
/// write) that the run's policy accepts, for the summary line: in the
/// roots' reach, or in all the run's code without roots; each place once.
struct AcceptedLibraryCalls {
  unsigned Calls = 0;
  /// The library functions called, each once, in the calls' order.
  std::vector<std::string> Callees;
  /// The summary line, without "noalloc: ": "1 call to library code that
  /// may allocate on some inputs was accepted ('qsort'): ..."; empty when
  /// there are none.
  std::string describe() const;
};

AcceptedLibraryCalls acceptedLibraryCalls(const HeapGraph &Graph, Policy P);

/// Whether a noalloc-call message is a failure path's: "call to 'f' may
/// allocate only when it fails (...)".
bool isFailurePathMessage(llvm::StringRef Message);

struct FunctionSummary {
  std::string Name;
  std::string USR;
  SourcePoint Where;
  /// A root: marked, or matched by Roots.
  bool Root = false;
  /// What the function may do, whatever the policy.
  Effect Lattice = Effect::None;
  /// The answer under the run's policy.
  Effect Answer = Effect::None;
  bool MayAllocate = false;
  bool MayRelease = false;
  /// The witness path of the answer, one step per note.
  std::vector<ChainStep> Chain;
};

/// Every function defined in user code, sorted by location.
std::vector<FunctionSummary> functionSummaries(const HeapGraph &Graph,
                                               Policy P);

/// Prints, for the one function matching \p Pattern, every heap point it
/// reaches, each with its shortest path (a search from it); for several
/// (a glob such as '*'), each one's shortest path to each kind of heap use
/// it reaches, from the link step's witnesses (no search per function).
/// Only what \p P counts is shown, so that the paths agree with the
/// verdict; what it accepts is counted, with the option that would count
/// it. Library entry points are named, not descended into. Returns false
/// if none matches.
bool explain(const HeapGraph &Graph, llvm::StringRef Pattern, Policy P,
             llvm::raw_ostream &OS);

/// In scoped mode, each root's answer under \p P in one line, for the end
/// of a run: what it does ("root 'tick' may allocate"), its shortest path
/// to what decides that (the one --explain and the JSON chain give: names
/// joined by arrows, the last step in --explain's words) and how many
/// other functions in its reach may use the heap, with the --explain that
/// lists them. The worst answers first; after \p Shown roots, one line
/// counts the others by answer, so that the cost is \p Shown searches
/// whatever the number of roots. Empty without roots.
std::vector<std::string> rootAnswers(const HeapGraph &Graph, Policy P,
                                     size_t Shown);

llvm::StringRef effectName(Effect E);

} // namespace noalloc

#endif // NOALLOC_CHECKS_REPORT_HEAPREPORT_H
