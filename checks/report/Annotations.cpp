//===--- Annotations.cpp - The functions --annotate marks -----------------===//

#include "report/Annotations.h"
#include <map>
#include <tuple>

using namespace llvm;

namespace noalloc {

StringRef attributeSpelling(EffectAttribute A) {
  return A == EffectAttribute::NonBlocking ? "[[clang::nonblocking]]"
                                           : "[[clang::nonallocating]]";
}

StringRef gnuAttributeSpelling(EffectAttribute A) {
  return A == EffectAttribute::NonBlocking ? "__attribute__((nonblocking))"
                                           : "__attribute__((nonallocating))";
}

namespace {
using PointKey = std::pair<std::string, unsigned>;

PointKey key(const SourcePoint &P) { return {P.File, P.Offset}; }

/// The fixpoint: a function stays selected while everything it needs is.
class Selection {
public:
  Selection(const HeapGraph &Graph, const std::vector<bool> &Rejected)
      : Graph(Graph), Selected(Graph.size()) {
    for (int I = 0, E = Graph.size(); I < E; ++I)
      Selected[I] = (Rejected.empty() || !Rejected[I]) && mayBeMarked(I);
    while (narrow())
      ;
  }

  bool selected(int I) const { return Selected[I]; }
  /// Selected, with a declarator noalloc can write in.
  bool writable(int I) const {
    const FunctionFacts &F = Graph.node(I).Facts;
    return Selected[I] && !F.AttributeBlocked && !F.AttributeAt.empty();
  }

private:
  bool mayBeMarked(int I) const {
    const HeapGraph::Node &N = Graph.node(I);
    // A specialisation is no function clang sees: a call of it is a call
    // of its function.
    return N.isUserDefinition() && !N.isSpecialisation() &&
           Graph.lattice(I) == Effect::None && N.Facts.Sites.empty() &&
           !N.Facts.Allowed;
  }

  /// Library code clang has a body or a builtin for, with no effect.
  bool isQuietLibrary(int I) const {
    const HeapGraph::Node &N = Graph.node(I);
    return N.Facts.InSystemHeader && Graph.lattice(I) == Effect::None;
  }

  bool callsAreFollowed(int I) const {
    const std::vector<LinkedCall> &Calls = Graph.node(I).Calls;
    for (int C = 0, CE = Calls.size(); C < CE; ++C) {
      const LinkedCall &Call = Calls[C];
      // clang accepts a call through a pointer of nonallocating type.
      if (Call.Kind == CallKind::Indirect && Call.Nonallocating)
        continue;
      if (Call.Kind == CallKind::Indirect || Call.Kind == CallKind::Block)
        return false;
      for (int T : Graph.targets(I, C)) {
        // clang infers no virtual function: each needs the attribute.
        bool Followed = Call.Kind == CallKind::Virtual
                            ? writable(T)
                            : Selected[T] || isQuietLibrary(T);
        if (!Followed)
          return false;
      }
    }
    return true;
  }

  /// One pass; true if a function was dropped.
  bool narrow() {
    bool Changed = false;
    for (int I = 0, E = Graph.size(); I < E; ++I) {
      if (Selected[I] && !callsAreFollowed(I)) {
        Selected[I] = false;
        Changed = true;
      }
      // A marked virtual function needs the attribute on every override.
      if (writable(I))
        continue;
      for (const std::string &Base : Graph.node(I).Facts.Overrides) {
        int B = Graph.find(Base);
        if (B >= 0 && Selected[B]) {
          Selected[B] = false;
          Changed = true;
        }
      }
    }
    return Changed;
  }

  const HeapGraph &Graph;
  std::vector<bool> Selected;
};
} // namespace

std::vector<Annotation> selectAnnotations(const HeapGraph &Graph,
                                          const std::vector<bool> &Rejected) {
  Selection S(Graph, Rejected);
  // A point shared by several functions (the instantiations of one
  // template) is written only if all of them are selected.
  std::map<PointKey, bool> PointSelected;
  for (int I = 0, E = Graph.size(); I < E; ++I)
    for (const SourcePoint &P : Graph.node(I).Facts.AttributeAt) {
      auto [It, New] = PointSelected.try_emplace(key(P), true);
      It->second = It->second && S.writable(I);
    }
  std::map<std::vector<PointKey>, Annotation> ByPoints;
  for (int I = 0, E = Graph.size(); I < E; ++I) {
    const FunctionFacts &F = Graph.node(I).Facts;
    if (!S.writable(I) || !llvm::all_of(F.AttributeAt, [&](const auto &P) {
          return PointSelected[key(P)];
        }))
      continue;
    std::vector<SourcePoint> Points = F.AttributeAt;
    llvm::sort(Points, [](const SourcePoint &A, const SourcePoint &B) {
      return key(A) < key(B);
    });
    std::vector<PointKey> Keys;
    for (const SourcePoint &P : Points)
      Keys.push_back(key(P));
    Annotation &A = ByPoints[Keys];
    if (A.Nodes.empty()) {
      A.Name = F.Name;
      A.Where = F.Where;
      A.Points = std::move(Points);
    }
    A.Nodes.push_back(I);
  }
  std::vector<Annotation> Result;
  for (auto &[Keys, A] : ByPoints)
    Result.push_back(std::move(A));
  llvm::sort(Result, [](const Annotation &A, const Annotation &B) {
    return key(A.Where) < key(B.Where);
  });
  return Result;
}

} // namespace noalloc
