//===--- ValueSemantics.h - Objects of allocating types that stay in place ===//
//
// An object of an allocating library type does not always use the heap: an
// empty std::vector, a std::string holding a literal within the
// small-string buffer, a std::function holding a function. What each
// standard library holds in place is data (the knowledge base's
// `libraries`); these queries apply it to the code, for the object checks
// and the fact extractor alike, so that both agree.
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_CHECKS_VALUESEMANTICS_H
#define NOALLOC_CHECKS_VALUESEMANTICS_H

#include "knowledge/KnowledgeBase.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>

namespace noalloc {

/// The knowledge base's entry for the standard library \p Ctx's translation
/// unit uses (the first whose macro is defined), or null.
const LibraryEntry *standardLibrary(const clang::ASTContext &Ctx,
                                    const KnowledgeBase &KB);

/// A local variable whose value stays in the object itself.
struct InPlace {
  /// For a std::function: the function or lambda call operator it holds,
  /// which calling it calls; null otherwise (a function pointer that is
  /// not written out: calling it stays a call of the std::function).
  const clang::FunctionDecl *Callee = nullptr;
  /// For a std::string made from constants ('std::string("ab") + "cd"',
  /// 'std::string(10, 'x')'): the constructions, temporaries and
  /// 'operator+' calls of its initial value, none of which uses the heap.
  llvm::SmallVector<const clang::Expr *, 4> Parts = {};
};

/// Whether \p Var never uses the heap: a local variable of an allocating
/// library type with replacement member lists, whose initial value the
/// library holds in place and which its function only reads (no growth, no
/// escape: see summarizeUses).
std::optional<InPlace> heldInPlace(const clang::VarDecl *Var,
                                   clang::ASTContext &Ctx,
                                   const KnowledgeBase &KB);

/// Whether the std::string temporary \p Temporary materializes never uses
/// the heap, by heldInPlace's rule: made from constants within the
/// small-string buffer, and only read by its full-expression ('(std::string(
/// "ab") + "cd").size()', a comparison). \p Fn is the function whose code
/// it is, whose parents are indexed for the question (as heldInPlace's
/// are); null when they are already (user code outside instantiations).
std::optional<InPlace>
temporaryHeldInPlace(const clang::MaterializeTemporaryExpr *Temporary,
                     const clang::FunctionDecl *Fn, clang::ASTContext &Ctx,
                     const KnowledgeBase &KB);

/// Whether the local variable \p Var of an allocating library type with
/// replacement member lists is made by moving another object of its type
/// and its function only reads it: it allocates nothing (moving hands the
/// memory over), though destroying it releases what it took over.
bool movedInto(const clang::VarDecl *Var, clang::ASTContext &Ctx,
               const KnowledgeBase &KB);

/// Whether the local variable \p Var is moved into, only read and moved
/// out of by the last statement of its block that names it ('T t =
/// std::move(a); ...; b = std::move(t);'), with no return, break, continue
/// or goto before: a string or container of the standard allocator, it
/// neither allocates nor releases (moving out leaves it empty; an exception
/// before may destroy it holding what it took over).
bool movedThrough(const clang::VarDecl *Var, clang::ASTContext &Ctx,
                  const KnowledgeBase &KB);

/// Whether the local variable \p Var, a string or container of the
/// standard allocator, is empty when its scope ends: the last statement of
/// its block that names it moves out of it, and none before may leave the
/// block other than by an exception. Destroying it releases nothing.
bool movedOutBeforeScopeEnd(const clang::VarDecl *Var, clang::ASTContext &Ctx,
                            const KnowledgeBase &KB);

/// Whether \p Call is a move assignment ('a = std::move(b);') to a variable
/// that the statement just before it moved out of ('T t = std::move(a);',
/// 'x = std::move(a);'), in a block without labels: a string or container
/// of the standard allocator, it is empty, and the assignment releases
/// nothing.
bool assignsMovedFrom(const clang::CallExpr *Call, clang::ASTContext &Ctx,
                      const KnowledgeBase &KB);

/// Whether every object of \p Field's class holds the member \p Field in
/// place, so that neither constructing, copying, assigning nor destroying
/// it uses the heap: a member of an allocating library type that every
/// constructor starts empty (or with a short literal string) and that all
/// the code able to use it only reads: for a private member, the class's
/// own code, all of it in this unit (a class template's specialization:
/// its template's code, for the members this unit does not instantiate);
/// for a class no other unit can name, any code of this unit. A class
/// whose code noalloc cannot see whole (friends, nested classes, member
/// templates, a member function defined elsewhere) does not qualify. For a
/// class template's own member: whether every specialization this unit
/// instantiates holds it.
bool memberHeldInPlace(const clang::FieldDecl *Field, clang::ASTContext &Ctx,
                       const KnowledgeBase &KB);

/// A std::pmr memory resource that uses no heap while it has room; running
/// out throws std::bad_alloc.
struct BoundedResource {
  /// The resource as the code names it: 'arena',
  /// 'std::pmr::null_memory_resource()'.
  std::string Name;
};

/// Whether \p QualifiedName is a standard memory resource that obtains
/// memory only from its upstream: std::pmr::monotonic_buffer_resource,
/// unsynchronized_pool_resource, synchronized_pool_resource.
bool isUpstreamResource(llvm::StringRef QualifiedName);

/// Whether \p Var allocates only from a bounded memory resource: it is a
/// monotonic_buffer_resource, unsynchronized_pool_resource or
/// synchronized_pool_resource whose upstream, given in its construction,
/// is null_memory_resource() or another bounded resource; or a
/// std::pmr container or polymorphic_allocator constructed over one (the
/// resource given by address, by reference, through a const pointer or a
/// polymorphic_allocator variable), or moved from such a container; or a
/// local reference to any of these; or a reference parameter of a function
/// only this unit can call (internal linkage, not a member or a template,
/// its address never taken) that every call gives such a variable. A
/// resource's upstream, and a container's resource, cannot change after
/// construction. What noalloc cannot follow (a default upstream, another
/// parameter, a pointer that may be reassigned, a copy, which gets the
/// default resource) is not bounded.
std::optional<BoundedResource> boundedResource(const clang::VarDecl *Var);

/// Whether the member \p Field allocates only from a bounded memory
/// resource in every object of its class: a resource, std::pmr container or
/// polymorphic_allocator that every constructor (each defined in this
/// unit; none that copies it) builds as boundedResource says, over
/// null_memory_resource(), a bounded variable or another such member of
/// the same object ('this->arena').
std::optional<BoundedResource> boundedResource(const clang::FieldDecl *Field);

/// A std::pmr memory resource of the program's own class, whose dynamic
/// type is known: what allocating from it does is what the class's
/// do_allocate and do_deallocate do.
struct OwnResource {
  /// The resource as the code names it: 'arena'.
  std::string Name;
  const clang::CXXRecordDecl *Class = nullptr;
  /// The overriders of std::pmr::memory_resource's do_allocate and
  /// do_deallocate in Class (its own or a base's), user code.
  const clang::CXXMethodDecl *Allocate = nullptr;
  const clang::CXXMethodDecl *Deallocate = nullptr;
};

/// Whether \p Var is, or allocates only from, a memory resource of a
/// class of the program's own (derived from std::pmr::memory_resource,
/// whose do_allocate and do_deallocate are user code) whose dynamic type
/// is known: the variable is the object itself, or its class is final; or
/// a std::pmr container, polymorphic_allocator or reference that
/// boundedResource would follow to one (docs/design.md).
std::optional<OwnResource> ownResource(const clang::VarDecl *Var);

/// Whether \p Call does nothing: its function does nothing for a null
/// pointer (the knowledge base's nothing-when-null-argument) and it is
/// given a null pointer constant there, free(NULL); or it uses no heap for
/// a zero (nothing-when-zero-argument) and is given the constant 0 there,
/// str.compare(0, n, s); or it is given, as its string-argument, a literal
/// of its no-heap-strings, newlocale(mask, "C", 0).
bool doesNothing(const clang::CallExpr *Call, const FunctionEntry &Entry,
                 clang::ASTContext &Ctx);

/// Whether \p Entry describes \p FD: with declared-in, only a function one
/// of whose declarations is in one of those headers (rt_free declared in
/// RT-Thread's rtthread.h, not a program's own rt_free).
bool describes(const FunctionEntry &Entry, const clang::FunctionDecl *FD);

/// The allocating conversion of \p Call's scanf format, if its function
/// has one (the knowledge base's scanf-format-argument) and it is a string
/// literal with a conversion that has the assignment-allocation character
/// ('%ms', '%5m[a-z]', '%2$mc', wide ones too): POSIX.1-2008 makes it
/// malloc the field.
/// "" when the format allocates nothing or is not a literal.
std::string allocatingConversion(const clang::CallExpr *Call,
                                 const FunctionEntry &Entry);

/// The string literal \p Call passes as its function's string-argument
/// when that literal allocates: neither of the entry's no-heap-strings nor
/// of its may-allocate-strings (newlocale(mask, "C.UTF-8", 0) builds a
/// locale object). std::nullopt for a listed literal or another argument.
std::optional<std::string> allocatingString(const clang::CallExpr *Call,
                                            const FunctionEntry &Entry);

/// Whether \p Call's function has a scanf format (scanf-format-argument)
/// and \p Call passes one that is not a string literal: noalloc cannot read
/// its conversions, and the call stays may-allocate.
bool unreadScanfFormat(const clang::CallExpr *Call, const FunctionEntry &Entry);

} // namespace noalloc

#endif // NOALLOC_CHECKS_VALUESEMANTICS_H
