//===--- ParentIndex.cpp - Parents of the nodes noalloc reports on --------===//
//
// clang's parent map records every node of the unit: the system headers,
// every template instantiation (most of a template-heavy unit), every
// TypeLoc, 17 MiB on a json unit. noalloc's matchers leave instantiations
// out and ask about user code. This index walks the same
// RecursiveASTVisitor traversal as clang's map (so the same parents) and
// records (a TypeLoc's parents only when it holds a declaration or a
// statement, which a climb can leave it from), in two passes over the unit:
//   1. everything outside instantiations and system headers;
//   2. of the instantiations of user code, only the nodes they share with
//      the code of pass 1 (a default argument an instantiation's call
//      uses), which get their other parents and count as instantiated, as
//      the isInTemplateInstantiation() matcher has it. A shared node's
//      parents come in another order than in clang's map: pass 1's first.
//      The tool does this pass during the fact extractor's store walk,
//      which visits the same instantiations (buildParentIndex,
//      walkUnitOnce), not in a walk of its own.
// The code of an instantiation is recorded when asked about (a function
// the fact extractor walks, a `new` in a member of a class template), and
// so is a function of a system header when asked about a declaration local
// to it (a variable of a library function the fact extractor scans).
// Both passes also decide, for each throw, new and delete expression, what
// the checks' runsAtRunTime asks: whether it never runs at run time, up the
// traversal's stack. Climbing the recorded parents instead made the checks
// record every instantiation with a throw (rapidjson's documenttest.cpp,
// whose assertions throw: 0.134 billion instructions).
//
//===----------------------------------------------------------------------===//

#include "utils/ParentIndex.h"
#include "utils/ASTQueries.h"
#include "utils/LLVMCompat.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtObjC.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/PointerUnion.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

using namespace clang;

namespace noalloc {
namespace {

/// Several parents, or one without a pointer (a TypeLoc): the nodes, and
/// beside them their pointers (null for a TypeLoc), which compare without
/// DynTypedNode's kind tests (a literal of a template's pattern can have a
/// parent in each of its instantiations).
struct ParentList {
  ParentList(const DynTypedNode &Node, const void *Key)
      : Nodes(1, Node), Keys(1, Key) {}
  /// Adds \p Node, once if it has a pointer (as clang's parent map does).
  void add(const DynTypedNode &Node, const void *Key) {
    if (Key && llvm::is_contained(Keys, Key))
      return;
    Nodes.push_back(Node);
    Keys.push_back(Key);
  }
  llvm::SmallVector<DynTypedNode, 2> Nodes;
  llvm::SmallVector<const void *, 2> Keys;
};
/// One node's parents: a declaration or a statement, else a list.
using Parents = llvm::PointerUnion<const Decl *, const Stmt *, ParentList *>;

/// A node on the traversal's stack: what its children record as their
/// parent, found once for all of them (DynTypedNode's kind tests climb the
/// hierarchy of node kinds at each call).
struct Frame {
  DynTypedNode Node;
  /// Its pointer identity (a declaration, a statement, an attribute), or
  /// null.
  const void *Key;
  /// Itself when it is a declaration or a statement, else null.
  Parents AsParent;
  /// A TypeLoc's or NestedNameSpecifierLoc's: whether this traversal of
  /// it has recorded its parent.
  bool Recorded = false;
};

/// Nodes with a pointer identity (declarations, statements, attributes)
/// and their parents. TypeLocs and NestedNameSpecifierLocs are parents
/// here, and have theirs only when a declaration or a statement is inside
/// them: recording every one cost a third of the index, and only a walk
/// that climbs out of a type (a default argument's construction up to its
/// function, a decltype) asks, from a node inside.
struct ParentMap {
  ParentMap() = default;
  ParentMap(const ParentMap &) = delete;
  ParentMap &operator=(const ParentMap &) = delete;
  ~ParentMap();
  /// The entry of the node whose pointer is \p Key: a new one when \p
  /// Create, else null if none.
  Parents *entry(const void *Key, bool Create);
  /// The entry of a TypeLoc or a NestedNameSpecifierLoc, as entry().
  Parents *typeEntry(const DynTypedNode &Node, bool Create);
  /// Adds \p Parent to \p P.
  static void add(Parents &P, const Frame &Parent);

  llvm::DenseMap<const void *, Parents> PointerParents;
  llvm::DenseMap<DynTypedNode, Parents> TypeParents;
};

using WalkRef = llvm::function_ref<void(InstantiationRecorder &)>;

/// Pointers that may be in a set, one bit per slot: a node that is not
/// costs a shift and a load, not a miss in the set's hash table (pass 2
/// looks up every node of the instantiations in pass 1's map: 0.1 billion
/// instructions for rapidjson's documenttest.cpp; the filter saves 0.057).
class PointerFilter {
public:
  void insert(const void *P) { Bits[slot(P) / 64] |= bit(P); }
  bool mayContain(const void *P) const { return Bits[slot(P) / 64] & bit(P); }

private:
  // 2^21 bits (256 KiB), one per 16 bytes of 32 MiB of address space:
  // nodes are at least 16 bytes apart.
  static constexpr uintptr_t Slots = uintptr_t(1) << 21;
  static uintptr_t slot(const void *P) {
    return (reinterpret_cast<uintptr_t>(P) >> 4) & (Slots - 1);
  }
  static uint64_t bit(const void *P) { return uint64_t(1) << (slot(P) % 64); }
  std::vector<uint64_t> Bits = std::vector<uint64_t>(Slots / 64);
};

class Index {
public:
  /// Pass 1, then pass 2 on its own or during \p Walk (buildParentIndex).
  Index(ASTContext &Ctx, WalkRef Walk);

  std::optional<DynTypedNodeList> find(const DynTypedNode &Node);
  /// find() after recording the instantiations that may hold \p Node:
  /// the innermost declarations of those whose code spans its place (a
  /// throw's function, not its class's every member), then those of
  /// templates of its file, then all of them.
  std::optional<DynTypedNodeList> findInstantiated(const DynTypedNode &Node);
  /// find() after recording the function around \p Node, a declaration
  /// local to it that neither pass recorded (a variable of a function of a
  /// system header the fact extractor scans), instead of building clang's
  /// parent map of the whole unit for it.
  std::optional<DynTypedNodeList> findInFunction(const DynTypedNode &Node);
  bool isInstantiated(const Stmt &S) const {
    return !outsideEntry(&S) || Shared.count(&S);
  }
  void addScope(Decl *D);
  /// Pass 1's entry of the node whose pointer is \p Key, if any.
  Parents *outsideEntry(const void *Key) {
    return InOutside.mayContain(Key) ? Outside.entry(Key, /*Create=*/false)
                                     : nullptr;
  }
  const Parents *outsideEntry(const void *Key) const {
    return const_cast<Index *>(this)->outsideEntry(Key);
  }
  /// Records \p Parent of the node whose pointer is \p Key in pass 1.
  void addOutside(const void *Key, const Frame &Parent) {
    InOutside.insert(Key);
    ParentMap::add(*Outside.entry(Key, /*Create=*/true), Parent);
  }

  /// Pass 1: the code outside instantiations and system headers.
  ParentMap Outside;
  /// The pointers of Outside's nodes.
  PointerFilter InOutside;
  /// Its nodes that an instantiation shares (pass 2).
  llvm::DenseSet<const void *> Shared;
  /// Declarations inside instantiations that addScope() recorded.
  ParentMap Scopes;
  llvm::DenseSet<const Decl *> ScopeRoots;
  /// The outermost instantiations pass 1 left out.
  std::vector<Decl *> Instantiations;
  /// Whether each throw, new and delete expression of the passes never
  /// runs at run time; none if not known from them (indexedNeverRuns).
  llvm::DenseMap<const Stmt *, std::optional<bool>> NeverRuns;
  ASTContext &Ctx;

private:
  /// A place in a file: the file and the offset.
  using Place = std::pair<FileID, unsigned>;
  /// Where a declaration's code is written, from its first to its last
  /// token: the file, the first offset and the last.
  struct Extent {
    FileID File;
    unsigned Begin = 1, End = 0;
    bool spans(Place At) const {
      return File == At.first && Begin <= At.second && At.second <= End;
    }
  };
  Extent extentOf(const Decl *D) const;
  /// Records the innermost declaration of each instantiation whose code
  /// spans \p At that is a function or spans it alone; none already
  /// recorded whole.
  void addScopesAround(Place At);

  /// The files whose instantiations are in Scopes (all: an invalid one).
  llvm::DenseSet<FileID> InstantiatedFiles;
  /// The extents of Instantiations, found at the first addScopesAround().
  std::vector<Extent> InstantiationExtents;
  const SourceManager &SM;
};

/// The matcher's isTemplateInstantiation() on the three kinds it tests.
bool isInstantiation(const Decl *D) {
  TemplateSpecializationKind Kind;
  if (const auto *Fn = dyn_cast<FunctionDecl>(D))
    Kind = Fn->getTemplateSpecializationKind();
  else if (const auto *Var = dyn_cast<VarDecl>(D))
    Kind = Var->getTemplateSpecializationKind();
  else if (const auto *Record = dyn_cast<CXXRecordDecl>(D))
    Kind = Record->getTemplateSpecializationKind();
  else
    return false;
  return Kind == TSK_ImplicitInstantiation ||
         Kind == TSK_ExplicitInstantiationDefinition;
}

/// clang's ParentMapContext::ParentMap::ASTVisitor, recording only what
/// the current pass records.
class Builder : public RecursiveASTVisitor<Builder> {
  using Base = RecursiveASTVisitor<Builder>;

public:
  /// What the traversal records.
  enum class Pass { Outside, Shared, Scope };

  Builder(Index &I, Pass P)
      : I(I), SM(I.Ctx.getSourceManager()), Ctx(I.Ctx), P(P) {}

  /// Pass 1 over the unit; what follows is pass 2.
  void recordOutside() {
    TraverseAST(Ctx);
    P = Pass::Shared;
  }
  /// Pass 2 over \p Root, an instantiation pass 1 left out.
  void recordShared(Decl *Root) {
    startRoot();
    TraverseDecl(Root);
  }
  void startRoot() { Stack.clear(); }

  /// Records \p Node and makes it the parent of what follows.
  void enter(const Frame &Node) {
    record(Node.Key);
    Stack.push_back(Node);
  }
  /// Leaves the current node; whether none is left.
  bool leave() {
    Stack.pop_back();
    return Stack.empty();
  }

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }

  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    if (P == Pass::Outside && isInstantiation(D)) {
      I.Instantiations.push_back(D);
      return true;
    }
    if (P == Pass::Outside && isSystemTopLevel(D))
      return true;
    // Recorded before as a scope of its own (addScopesAround): only its
    // parent is missing.
    if (P == Pass::Scope && !Stack.empty() && I.ScopeRoots.count(D)) {
      record(D);
      return true;
    }
    return traverse({DynTypedNode::create(*D), D, D},
                    [&] { return Base::TraverseDecl(D); });
  }
  bool TraverseTypeLoc(TypeLoc TL NOALLOC_TYPELOC_TRAVERSAL_PARAMS) {
    if (!TL)
      return true;
    return traverse({DynTypedNode::create(TL), nullptr, nullptr}, [&] {
      return Base::TraverseTypeLoc(TL NOALLOC_TYPELOC_TRAVERSAL_ARGS);
    });
  }
  bool TraverseNestedNameSpecifierLoc(NestedNameSpecifierLoc NNS) {
    if (!NNS)
      return true;
    return traverse({DynTypedNode::create(NNS), nullptr, nullptr},
                    [&] { return Base::TraverseNestedNameSpecifierLoc(NNS); });
  }
  bool TraverseAttr(Attr *A) {
    if (!A)
      return true;
    return traverse({DynTypedNode::create(*A), A, nullptr},
                    [&] { return Base::TraverseAttr(A); });
  }
  // Statements through these two, so that the traversal keeps its queue.
  bool dataTraverseStmtPre(Stmt *S) {
    record(S);
    Stack.push_back({DynTypedNode::create(*S), S, S});
    if (isa<CXXThrowExpr, ObjCAtThrowStmt, CXXNewExpr, CXXDeleteExpr>(S))
      decideRunTime(S);
    return true;
  }
  bool dataTraverseStmtPost(Stmt *) {
    Stack.pop_back();
    return true;
  }

private:
  template <typename Fn> bool traverse(const Frame &Node, Fn Inner) {
    enter(Node);
    bool Result = Inner();
    leave();
    return Result;
  }

  /// Records the parent of the node whose pointer is \p Key (none: a
  /// TypeLoc or a NestedNameSpecifierLoc, recorded with what they hold).
  void record(const void *Key) {
    if (Stack.empty() || !Key)
      return;
    recordEnclosingTypes();
    if (P == Pass::Outside)
      return I.addOutside(Key, Stack.back());
    if (P == Pass::Scope)
      return ParentMap::add(*I.Scopes.entry(Key, /*Create=*/true),
                            Stack.back());
    if (Parents *Known = I.outsideEntry(Key)) {
      ParentMap::add(*Known, Stack.back());
      I.Shared.insert(Key);
    }
  }

  /// Decides whether \p S, on top of the stack, never runs at run time,
  /// up the stack: the chain of first parents that neverRunsAtRunTime
  /// climbs, for a node's first traversal in pass 1 (which records its
  /// first parents), and for a node of an instantiation that pass 2 meets
  /// once and pass 1 never (a node that two instantiations share has its
  /// first parent from the one recorded first, when asked). Above a TypeLoc
  /// the first parent may be another traversal's: none is decided there.
  void decideRunTime(const Stmt *S) {
    if (P == Pass::Scope || (P == Pass::Shared && I.outsideEntry(S)))
      return;
    auto [It, New] = I.NeverRuns.try_emplace(S);
    if (!New) {
      if (P == Pass::Shared)
        It->second = std::nullopt;
      return;
    }
    size_t At = Stack.size() - 1;
    It->second = neverRunsAlong(
        Stack[At].Node,
        [&](const DynTypedNode &) -> std::optional<DynTypedNode> {
          if (!Stack[At].Key)
            return std::nullopt;
          // Pass 1's root is the translation unit; pass 2's has parents
          // outside the stack.
          if (At == 0)
            return P == Pass::Outside ? std::optional(DynTypedNode())
                                      : std::nullopt;
          return Stack[--At].Node;
        },
        Ctx);
  }

  /// The parents of the TypeLocs and NestedNameSpecifierLocs between the
  /// node being recorded and its nearest declaration or statement, once
  /// per traversal of each, as clang's map records them.
  void recordEnclosingTypes() {
    for (size_t At = Stack.size() - 1;
         At > 0 && !Stack[At].Key && !Stack[At].Recorded; --At) {
      Stack[At].Recorded = true;
      ParentMap &Map = P == Pass::Scope ? I.Scopes : I.Outside;
      if (Parents *Entry =
              Map.typeEntry(Stack[At].Node, /*Create=*/P != Pass::Shared))
        ParentMap::add(*Entry, Stack[At - 1]);
    }
  }

  /// A declaration of a system header at namespace scope: nothing in it
  /// is reported, its instantiations included.
  bool isSystemTopLevel(const Decl *D) const {
    const DeclContext *DC = D->getLexicalDeclContext();
    return DC && DC->getRedeclContext()->isFileContext() &&
           SM.isInSystemHeader(D->getLocation());
  }

  Index &I;
  const SourceManager &SM;
  ASTContext &Ctx;
  Pass P;
  llvm::SmallVector<Frame, 16> Stack;
};

/// Pass 2 during another walk (buildParentIndex): each instantiation pass 1
/// left out is recorded when the walk enters it, as the index's own pass 2
/// records it; those the walk does not enter, after the walk.
class WalkRecorder final : public InstantiationRecorder {
public:
  WalkRecorder(Builder &B, ArrayRef<Decl *> Roots) : B(B), Roots(Roots) {
    for (const Decl *D : Roots)
      ++Pending[D];
  }
  bool enterDecl(Decl *D) override {
    if (!Recording) {
      auto It = Pending.find(D);
      if (It == Pending.end() || It->second == 0)
        return false;
      --It->second;
      Recording = true;
      B.startRoot();
    }
    B.enter({DynTypedNode::create(*D), D, D});
    return true;
  }
  void enterStmt(Stmt *S) override { B.dataTraverseStmtPre(S); }
  void enterOther(const DynTypedNode &Node, const void *Key) override {
    B.enter({Node, Key, nullptr});
  }
  void leave() override { Recording = !B.leave(); }
  void skipped(Decl *D) override {
    if (Recording)
      B.TraverseDecl(D);
  }
  void recordUnvisited() {
    for (Decl *D : Roots)
      if (unsigned &Left = Pending[D]; Left > 0) {
        --Left;
        B.recordShared(D);
      }
  }

private:
  Builder &B;
  ArrayRef<Decl *> Roots;
  /// How many times each root is still to be recorded.
  llvm::DenseMap<const Decl *, unsigned> Pending;
};

Index::Index(ASTContext &Ctx, WalkRef Walk)
    : Ctx(Ctx), SM(Ctx.getSourceManager()) {
  Builder B(*this, Builder::Pass::Outside);
  B.recordOutside();
  if (!Walk) {
    for (Decl *D : Instantiations)
      B.recordShared(D);
    return;
  }
  WalkRecorder Recorder(B, Instantiations);
  Walk(Recorder);
  Recorder.recordUnvisited();
}

void Index::addScope(Decl *D) {
  if (outsideEntry(D) || !ScopeRoots.insert(D).second)
    return;
  Builder(*this, Builder::Pass::Scope).TraverseDecl(D);
}

Index::Extent Index::extentOf(const Decl *D) const {
  // A class template's specialization is where the template is first
  // declared (a forward declaration); its members are in the definition.
  if (const auto *Record = dyn_cast<CXXRecordDecl>(D))
    if (const CXXRecordDecl *Pattern =
            Record->getTemplateInstantiationPattern())
      D = Pattern;
  SourceRange Range = D->getSourceRange();
  if (Range.isInvalid())
    return {};
  auto [BeginFile, Begin] =
      SM.getDecomposedLoc(SM.getExpansionLoc(Range.getBegin()));
  auto [EndFile, End] =
      SM.getDecomposedLoc(SM.getExpansionRange(Range.getEnd()).getEnd());
  if (BeginFile != EndFile)
    return {};
  return {BeginFile, Begin, End};
}

void Index::addScopesAround(Place At) {
  if (InstantiationExtents.empty())
    for (const Decl *D : Instantiations)
      InstantiationExtents.push_back(extentOf(D));
  for (size_t I = 0; I < Instantiations.size(); ++I) {
    Decl *Outermost = Instantiations[I];
    if (!InstantiationExtents[I].spans(At) || ScopeRoots.count(Outermost))
      continue;
    Decl *Inner = Outermost;
    while (isa<DeclContext>(Inner) && !isa<FunctionDecl>(Inner)) {
      auto Children = cast<DeclContext>(Inner)->decls();
      auto Holder = llvm::find_if(Children, [&](const Decl *Child) {
        return !Child->isImplicit() && extentOf(Child).spans(At);
      });
      if (Holder == Children.end())
        break;
      Inner = *Holder;
    }
    addScope(Inner);
  }
}

std::optional<DynTypedNodeList>
Index::findInstantiated(const DynTypedNode &Node) {
  SourceLocation Loc = Node.getSourceRange().getBegin();
  FileID File =
      Loc.isValid() ? SM.getFileID(SM.getExpansionLoc(Loc)) : FileID();
  if (File.isValid() && !InstantiatedFiles.count(File)) {
    addScopesAround(SM.getDecomposedLoc(SM.getExpansionLoc(Loc)));
    if (std::optional<DynTypedNodeList> Parents = find(Node))
      return Parents;
  }
  for (FileID Scope : {File, FileID()}) {
    if (!InstantiatedFiles.insert(Scope).second)
      continue;
    for (Decl *D : Instantiations)
      if (Scope.isInvalid() ||
          SM.getFileID(SM.getExpansionLoc(D->getLocation())) == Scope)
        addScope(D);
    if (std::optional<DynTypedNodeList> Parents = find(Node))
      return Parents;
  }
  return std::nullopt;
}

std::optional<DynTypedNodeList>
Index::findInFunction(const DynTypedNode &Node) {
  const auto *D = Node.get<Decl>();
  const DeclContext *Function = D ? D->getParentFunctionOrMethod() : nullptr;
  if (!Function)
    return std::nullopt;
  addScope(const_cast<Decl *>(cast<Decl>(Function)));
  return find(Node);
}

ParentMap::~ParentMap() {
  for (auto &Entry : PointerParents)
    delete dyn_cast<ParentList *>(Entry.second);
  for (auto &Entry : TypeParents)
    delete dyn_cast<ParentList *>(Entry.second);
}

Parents *ParentMap::entry(const void *Key, bool Create) {
  if (Create)
    return &PointerParents[Key];
  auto It = PointerParents.find(Key);
  return It == PointerParents.end() ? nullptr : &It->second;
}

Parents *ParentMap::typeEntry(const DynTypedNode &Node, bool Create) {
  if (Create)
    return &TypeParents[Node];
  auto It = TypeParents.find(Node);
  return It == TypeParents.end() ? nullptr : &It->second;
}

void ParentMap::add(Parents &P, const Frame &Parent) {
  if (P.isNull()) {
    P = Parent.AsParent ? Parent.AsParent
                        : Parents(new ParentList(Parent.Node, Parent.Key));
    return;
  }
  auto *List = dyn_cast<ParentList *>(P);
  if (!List) {
    const auto *D = dyn_cast<const Decl *>(P);
    const auto *S = dyn_cast<const Stmt *>(P);
    List = D ? new ParentList(DynTypedNode::create(*D), D)
             : new ParentList(DynTypedNode::create(*S), S);
    P = List;
  }
  List->add(Parent.Node, Parent.Key);
}

std::optional<DynTypedNodeList> Index::find(const DynTypedNode &Node) {
  if (Node.get<TranslationUnitDecl>())
    return DynTypedNodeList(ArrayRef<DynTypedNode>());
  const void *Key = Node.getMemoizationData();
  const Parents *P =
      Key ? outsideEntry(Key) : Outside.typeEntry(Node, /*Create=*/false);
  if (!P)
    P = Key ? Scopes.entry(Key, /*Create=*/false)
            : Scopes.typeEntry(Node, /*Create=*/false);
  if (!P)
    return std::nullopt;
  if (const auto *D = dyn_cast<const Decl *>(*P))
    return DynTypedNodeList(DynTypedNode::create(*D));
  if (const auto *S = dyn_cast<const Stmt *>(*P))
    return DynTypedNodeList(DynTypedNode::create(*S));
  return DynTypedNodeList(
      ArrayRef<DynTypedNode>(cast<ParentList *>(*P)->Nodes));
}

/// The index of the unit being analysed on this thread (each worker
/// thread analyses one unit at a time), dropped with its ASTContext.
struct Current {
  const ASTContext *Ctx = nullptr;
  std::unique_ptr<Index> I;
};
thread_local Current CurrentIndex;

Index &buildIndex(ASTContext &Ctx, WalkRef Walk) {
  CurrentIndex.I.reset();
  CurrentIndex.I = std::make_unique<Index>(Ctx, Walk);
  CurrentIndex.Ctx = &Ctx;
  Ctx.AddDeallocation(
      [](void *Dying) {
        if (CurrentIndex.Ctx == Dying)
          CurrentIndex = Current();
      },
      &Ctx);
  return *CurrentIndex.I;
}

Index &indexFor(ASTContext &Ctx) {
  if (CurrentIndex.Ctx != &Ctx)
    return buildIndex(Ctx, nullptr);
  return *CurrentIndex.I;
}

} // namespace

DynTypedNodeList parentsOf(const DynTypedNode &Node, ASTContext &Ctx) {
  Index &I = indexFor(Ctx);
  if (std::optional<DynTypedNodeList> Parents = I.find(Node))
    return *Parents;
  if (Node.getMemoizationData())
    if (std::optional<DynTypedNodeList> Parents = I.findInstantiated(Node))
      return *Parents;
  if (std::optional<DynTypedNodeList> Parents = I.findInFunction(Node))
    return *Parents;
  // A TypeLoc, or a statement of a system header: rare questions.
  return Ctx.getParents(Node);
}

bool isInInstantiatedCode(const Stmt &S, ASTContext &Ctx) {
  return indexFor(Ctx).isInstantiated(S);
}

void releaseParentIndex(const ASTContext &Ctx) {
  if (CurrentIndex.Ctx == &Ctx)
    CurrentIndex = Current();
}

std::optional<bool> indexedNeverRuns(const Stmt &S, ASTContext &Ctx) {
  const auto &Decided = indexFor(Ctx).NeverRuns;
  auto It = Decided.find(&S);
  return It == Decided.end() ? std::nullopt : It->second;
}

void buildParentIndex(ASTContext &Ctx, WalkRef Walk) { buildIndex(Ctx, Walk); }

void indexDeclaration(const Decl &D, ASTContext &Ctx) {
  indexFor(Ctx).addScope(const_cast<Decl *>(&D));
}

} // namespace noalloc
