//===--- HeapGraph.h - Link the facts, propagate "may use the heap" -------===//
//
// The link step: joins the facts of every translation unit into one call
// graph, resolves virtual and indirect calls, decides functions without a
// body from the knowledge base, and propagates "may allocate" backwards
// along calls, keeping for each function the shortest chain to the heap.
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_CHECKS_HEAPGRAPH_H
#define NOALLOC_CHECKS_HEAPGRAPH_H

#include "facts/Facts.h"
#include "knowledge/KnowledgeBase.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/raw_ostream.h"

namespace noalloc {

struct LinkOptions {
  /// Functions without a body or knowledge, and "may-allocate" library
  /// functions, count as allocating (for real-time roots) instead of
  /// allocation-free.
  bool Strict = false;
  /// Globs over qualified names (or exact USRs) of roots and allowed zones,
  /// in addition to the attributes in the code.
  std::vector<std::string> Roots;
  std::vector<std::string> AllowedZones;
  /// The user's knowledge files the checks read: the link reads them too.
  std::vector<std::string> KnowledgeFiles;
};

/// One note of a finding: a step of the chain, at its own location.
struct ChainStep {
  std::string Message;
  SourcePoint Where;
};

struct CallFinding {
  std::string Check;
  std::string Message;
  SourcePoint Where;
  std::vector<ChainStep> Notes;
};

struct FunctionSummary {
  std::string Name;
  std::string USR;
  SourcePoint Where;
  bool MayAllocate = false;
  bool MayRelease = false;
  /// The shortest chain to the heap, one step per note.
  std::vector<ChainStep> Chain;
};

class HeapGraph {
public:
  HeapGraph(std::vector<TranslationUnitFacts> Units, const KnowledgeBase &KB,
            LinkOptions Options);

  /// noalloc-call: each reportable call whose callee may use the heap.
  /// With roots, only calls in code reachable from a root.
  std::vector<CallFinding> callFindings() const;
  /// noalloc-unknown-call: each reportable call to a function whose body
  /// and knowledge are both missing.
  std::vector<CallFinding> unknownCallFindings() const;

  /// Every function defined in user code, with what it may do.
  std::vector<FunctionSummary> functionSummaries() const;

  /// Whether a finding at \p Where belongs to reported code: not in an
  /// allowed zone, and, when there are roots, reachable from one.
  bool isReported(const SourcePoint &Where) const;
  bool hasRoots() const { return !RootNodes.empty(); }

  /// 0 if the function does not use the heap, 1 if it may release heap
  /// memory, 2 if it may allocate; -1 if the program has no such function.
  int effectOf(llvm::StringRef USR) const;

  /// Every heap site reachable from the functions matching \p Pattern,
  /// each with the shortest path; returns false if none matches.
  bool explain(llvm::StringRef Pattern, llvm::raw_ostream &OS) const;

private:
  enum class Effect { None, Releases, Allocates };
  /// Why a node uses the heap: its own site, or a call to another node, or
  /// (for a function without a body) the knowledge base or the policy.
  struct Reason {
    Effect Kind = Effect::None;
    int Site = -1;
    int Call = -1;
    int Target = -1;
    unsigned Distance = ~0u;
  };
  struct Node {
    FunctionFacts Facts;
    Effect Leaf = Effect::None;
    std::string LeafWhy;
    bool Unknown = false;
    Reason Best;
  };

  std::vector<int> targets(const CallSite &Call) const;
  /// Calls noalloc-call may report: in user code, in reported functions,
  /// not accepted with NOLINT.
  template <typename Callback>
  void forEachReportableCall(Callback &&Visit) const;
  void decideLeaf(Node &N);
  void propagate();
  std::string describe(const Node &N, Effect E) const;
  void chain(int Start, std::vector<ChainStep> &Notes) const;
  /// Nodes reachable from \p From, not through allowed zones or accepted
  /// calls; \p Parent and \p ParentCall record how each was reached.
  std::vector<int> reachable(const std::vector<int> &From,
                             std::vector<int> *Parent = nullptr,
                             std::vector<int> *ParentCall = nullptr) const;

  const KnowledgeBase &KB;
  LinkOptions Options;
  std::vector<Node> Nodes;
  llvm::StringMap<int> ByUSR;
  llvm::StringMap<std::vector<int>> Overriders;
  llvm::StringMap<std::vector<int>> BySignature;
  std::vector<int> RootNodes;
  /// For scoped mode: the reachable nodes and how each was reached.
  std::vector<bool> InScope;
  std::vector<int> ScopeParent;
  std::vector<int> ScopeParentCall;
};

} // namespace noalloc

#endif // NOALLOC_CHECKS_HEAPGRAPH_H
