//===--- LocalStorage.h - Heap objects that can live on the stack ---------===//
//
// malloc(N) freed in the same function, and make_unique<T>() that never
// leaves it, need no heap: a local array and an automatic object do
// (AUTOSAR C++14 A18-5-8). These build the fix-its for both, or say why
// there is none.
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_CHECKS_LOCALSTORAGE_H
#define NOALLOC_CHECKS_LOCALSTORAGE_H

#include "clang/AST/Expr.h"
#include "clang/Basic/Diagnostic.h"
#include <string>
#include <vector>

namespace noalloc {

struct LocalStorageFix {
  std::vector<clang::FixItHint> Hints;
  /// "replace with ..." or "no fix: ...", empty when nothing applies.
  std::string Note;
};

/// `T *p = (T *)malloc(N)` ... `free(p)` in one function, N a constant no
/// larger than \p StackLimit bytes: a local array.
LocalStorageFix localArrayFor(const clang::CallExpr *Malloc,
                              clang::ASTContext &Ctx, unsigned StackLimit);

/// `auto p = std::make_unique<T>(args)` used only through `->`, `*` and
/// get(): an automatic object `T p(args)`.
LocalStorageFix automaticObjectFor(const clang::CallExpr *MakeUnique,
                                   clang::ASTContext &Ctx, unsigned StackLimit);

/// `T *p = new T(args)` ... `delete p` in one function, used through `->`,
/// `*` and as a pointer argument: an automatic object `T p(args)`, when
/// destroying it at the end of its block rather than at the `delete`
/// changes nothing (destructionMoves).
LocalStorageFix automaticObjectForNew(const clang::CXXNewExpr *New,
                                      clang::ASTContext &Ctx,
                                      unsigned StackLimit);

} // namespace noalloc

#endif // NOALLOC_CHECKS_LOCALSTORAGE_H
