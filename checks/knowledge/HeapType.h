//===--- HeapType.h - Does an object of this type own heap memory? --------===//

#ifndef NOALLOC_CHECKS_HEAPTYPE_H
#define NOALLOC_CHECKS_HEAPTYPE_H

#include "knowledge/KnowledgeBase.h"
#include "clang/AST/Type.h"

namespace clang {
class CXXConstructExpr;
class CXXConstructorDecl;
} // namespace clang

namespace noalloc {

enum class HeapUse {
  None,
  /// Through std::allocator or an allocating library type.
  Heap,
  /// Through std::pmr::polymorphic_allocator: depends on the memory resource.
  MemoryResource,
  /// Through a user-provided allocator: depends on that allocator.
  CustomAllocator,
};

struct HeapTypeVerdict {
  HeapUse Use = HeapUse::None;
  /// The knowledge-base entry of the allocating type, possibly nested
  /// (std::optional<std::string> answers with std::basic_string's entry).
  const TypeEntry *Entry = nullptr;
  /// The allocator argument, for MemoryResource and CustomAllocator.
  clang::QualType Allocator;
};

/// Classifies an object type. References and pointers never own: only the
/// object they refer to does.
HeapTypeVerdict classifyType(clang::QualType T, const KnowledgeBase &KB);

/// \p T as a user reads it, without default template arguments: as written
/// (std::string, std::pmr::vector<int>) where the user wrote it, otherwise
/// (auto, a library function's return type) by its canonical name.
/// Whether a throw of \p Thrown is a failure path wherever it is written:
/// its class, or one of its bases, has a type entry with failure-exception
/// (etl::vector_full derives from etl::exception).
bool isFailureException(clang::QualType Thrown, const KnowledgeBase &KB);

std::string typeName(clang::QualType T, const clang::ASTContext &Ctx,
                     bool UserWritten = true);

/// Whether the knowledge base's copy-effect applies to \p Ctor: a copy or
/// move constructor, or a converting one whose only argument is another
/// specialization of its class template (std::shared_ptr<Base> from a
/// std::shared_ptr<Derived>), which clang does not call a copy.
bool copiesLikeConstructor(const clang::CXXConstructorDecl *Ctor);

/// Whether its default-constructor-effect applies to \p Ctor: the default
/// constructor, or one from 'nullptr', which makes the same empty object
/// (std::shared_ptr<T> p = nullptr).
bool emptyLikeConstructor(const clang::CXXConstructorDecl *Ctor);

/// The knowledge-base entry of a library constructor that allocates
/// (std::runtime_error's copies its message), for a construction that is
/// not a copy or a move; null otherwise.
const FunctionEntry *allocatingLibraryConstructor(
    const clang::CXXConstructExpr *E, const KnowledgeBase &KB);

/// Replaces the canonical spellings of the standard strings in \p Name
/// with the names users write (std::string).
std::string preferredNames(std::string Name);

} // namespace noalloc

#endif // NOALLOC_CHECKS_HEAPTYPE_H
