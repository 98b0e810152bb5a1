//===--- DestructionPoint.h - Where an owner's object is destroyed --------===//
//
// `T *p = new T; ... delete p;` made an automatic object `T p;` is destroyed
// at the end of the block that declares it, not at the `delete`. That is
// the same program only when nothing can tell the two points apart: these
// say why it is not, conservatively.
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_CHECKS_DESTRUCTIONPOINT_H
#define NOALLOC_CHECKS_DESTRUCTIONPOINT_H

#include <optional>
#include <string>

namespace clang {
class ASTContext;
class CXXDeleteExpr;
class VarDecl;
} // namespace clang

namespace noalloc {

/// Why destroying the object \p Var points to at the end of its block,
/// rather than at \p Delete, could change what the program does, as a
/// "no fix: ..." note; none when it cannot. Nothing moves for a trivially
/// destructible object. Otherwise `delete` must be a statement of the
/// block that declares \p Var, with no way out of that block between the
/// two (where the object would now be destroyed and was not deleted), no
/// object with a destructor declared between them (it would now be
/// destroyed first), and nothing after the `delete` but `return` of a
/// constant, `break`, `continue` or empty statements.
std::optional<std::string>
destructionMoves(const clang::VarDecl *Var, const clang::CXXDeleteExpr *Delete,
                 clang::ASTContext &Ctx);

} // namespace noalloc

#endif // NOALLOC_CHECKS_DESTRUCTIONPOINT_H
