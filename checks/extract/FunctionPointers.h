//===--- FunctionPointers.h - What each function pointer may hold ---------===//
//
// A call through a function pointer may reach any function whose address is
// taken. When the pointer is read from a variable or a field of user code
// that the program writes only with functions written out ('cb = record;',
// '{.tick = quiet}', 'Handler h = c ? a : b;'), it holds one of those, or a
// function whose address escapes where noalloc does not follow it. This
// collects, for one translation unit, what is stored into each such
// variable and field; the link step joins the units (docs/facts.md).
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_CHECKS_EXTRACT_FUNCTIONPOINTERS_H
#define NOALLOC_CHECKS_EXTRACT_FUNCTIONPOINTERS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SetVector.h"

namespace noalloc {

struct PointerStores {
  struct Stores {
    llvm::SmallSetVector<const clang::FunctionDecl *, 2> Functions;
    /// Written in a way that is not followed: anything may be in it.
    bool OtherWrites = false;
    /// Its value is read other than to call it or compare it: what is
    /// stored into it may be anywhere.
    bool Copied = false;
  };
  /// By canonical declaration, in the order of the first write.
  llvm::MapVector<const clang::ValueDecl *, Stores> Pointers;
  /// The references to functions (and the lambda conversions) that these
  /// stores consume: the function's address goes nowhere else there.
  llvm::DenseSet<const clang::Expr *> Stored;
};

/// Whether a traversal of the stores of user code skips \p D: library code
/// (it writes no variable of user code by name) and a template's pattern
/// (which runs only as its instantiations).
bool skipsStores(const clang::Decl *D, const clang::SourceManager &SM);

/// What the user code of the unit stores into its followed pointers.
PointerStores collectPointerStores(clang::ASTContext &Ctx);

/// The followed variable or field that the indirect call \p E reads its
/// pointer from ('cb(x)', '(*cb)(x)', 'ops.tick()', 'table[i]()',
/// '(m.*action)()'), or null.
const clang::ValueDecl *calledPointer(const clang::CallExpr *E,
                                      const clang::SourceManager &SM);

} // namespace noalloc

#endif // NOALLOC_CHECKS_EXTRACT_FUNCTIONPOINTERS_H
