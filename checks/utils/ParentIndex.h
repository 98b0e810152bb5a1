//===--- ParentIndex.h - Parents of the nodes noalloc reports on ----------===//

#ifndef NOALLOC_CHECKS_UTILS_PARENTINDEX_H
#define NOALLOC_CHECKS_UTILS_PARENTINDEX_H

#include "clang/AST/ParentMapContext.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <optional>

namespace clang {
class Decl;
class Stmt;
} // namespace clang

namespace noalloc {

/// The parents of \p Node, as ASTContext::getParents gives them. Answered
/// from an index of the code noalloc reports on (outside template
/// instantiations and the declarations of system headers) that costs a
/// fraction of clang's parent map of the whole unit, extended to the
/// instantiations of user code when asked about them; for other nodes,
/// clang's map, built on the first such question.
clang::DynTypedNodeList parentsOf(const clang::DynTypedNode &Node,
                                  clang::ASTContext &Ctx);
template <typename T>
clang::DynTypedNodeList parentsOf(const T &Node, clang::ASTContext &Ctx) {
  return parentsOf(clang::DynTypedNode::create(Node), Ctx);
}

/// Makes parentsOf answer from the index for the nodes of \p D too: a
/// function of an instantiation whose code is about to be walked (the
/// fact extractor's, say), instead of building clang's parent map.
void indexDeclaration(const clang::Decl &D, clang::ASTContext &Ctx);

/// Frees the index of \p Ctx, if any (a later question builds it again):
/// the fact extractor, once its body scans (the last to ask) are done and
/// before its facts grow to the unit's peak (rapidjson's readertest.cpp:
/// 13.6 MiB of it the index).
void releaseParentIndex(const clang::ASTContext &Ctx);

/// Whether \p S is part of a template instantiation, as clang's
/// isInTemplateInstantiation() matcher says (a statement a template shares
/// with its instantiations is), without walking its ancestors. Also true
/// of user code inside a declaration of a system header.
bool isInInstantiatedCode(const clang::Stmt &S, clang::ASTContext &Ctx);

/// Whether \p S, a throw, a new or a delete expression, never runs at run
/// time (neverRunsAtRunTime), as the index decided while it walked the
/// unit: none if it did not (\p S is outside both passes, or more than one
/// instantiation holds it).
std::optional<bool> indexedNeverRuns(const clang::Stmt &S,
                                     clang::ASTContext &Ctx);

/// The index's second pass (the instantiations of user code, which pass 1
/// leaves out) done during another walk of the unit that visits them
/// anyway, the fact extractor's store walk, instead of a walk of its own.
/// The walk tells it each node it enters and leaves, in the order of a
/// RecursiveASTVisitor that visits instantiations and implicit code.
class InstantiationRecorder {
public:
  virtual ~InstantiationRecorder() = default;
  /// Whether the walk is inside an instantiation the pass records: only
  /// then does it report statements, TypeLocs and attributes.
  bool recording() const { return Recording; }
  /// The walk enters \p D; whether the pass records it (then leave()
  /// follows when the walk leaves it).
  virtual bool enterDecl(clang::Decl *D) = 0;
  virtual void enterStmt(clang::Stmt *S) = 0;
  /// A TypeLoc or a NestedNameSpecifierLoc (\p Key null) or an attribute.
  virtual void enterOther(const clang::DynTypedNode &Node, const void *Key) = 0;
  virtual void leave() = 0;
  /// \p D, which the walk does not traverse: the pass traverses it itself.
  virtual void skipped(clang::Decl *D) = 0;

protected:
  bool Recording = false;
};

/// Builds the index of \p Ctx now, its second pass riding on \p Walk,
/// which traverses the unit and reports to the recorder. Instantiations the
/// walk does not visit are recorded after it, by the index itself.
void buildParentIndex(clang::ASTContext &Ctx,
                      llvm::function_ref<void(InstantiationRecorder &)> Walk);

} // namespace noalloc

#endif // NOALLOC_CHECKS_UTILS_PARENTINDEX_H
