//===--- ASTQueries.h - Small questions about declarations and expressions ===//

#ifndef NOALLOC_CHECKS_UTILS_ASTQUERIES_H
#define NOALLOC_CHECKS_UTILS_ASTQUERIES_H

#include "clang/AST/ASTTypeTraits.h"
#include <string>

namespace clang {
class ASTContext;
class Decl;
class Expr;
class NamedDecl;
} // namespace clang

namespace noalloc {

/// The name a user would write for \p D: qualified, without inline
/// namespaces such as std::__cxx11.
std::string qualifiedName(const clang::NamedDecl *D);

/// The nearest parent of \p E that is not parentheses or an implicit
/// conversion (array decay excepted); \p E becomes the last node skipped.
clang::DynTypedNode parentSkippingConversions(const clang::Expr *&E,
                                              clang::ASTContext &Ctx);

/// Whether \p E is certainly not a null pointer: an array, an address, a
/// string literal.
bool isCertainlyNonNull(const clang::Expr *E);

/// True if \p D belongs to an implicit template instantiation, whose code the
/// user did not write as such.
bool isInInstantiation(const clang::Decl *D);

} // namespace noalloc

#endif // NOALLOC_CHECKS_UTILS_ASTQUERIES_H
