//===--- StoredCallables.h - What std::function does with its callable ----===//
//
// A std::function copies and destroys the callable it holds through code
// that the callable's type chose where it was stored: libstdc++ calls the
// manager stored in _M_manager, libc++ the virtual members of __base. One
// unit's library summaries cannot tell what the program stores there, so
// they leave those calls to two functions of the program, copying and
// destroying a stored callable, and each unit that stores callables gives
// them what its callables' copies and destructions do. The link joins
// those over the units, as it joins any library summary.
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_CHECKS_KNOWLEDGE_STOREDCALLABLES_H
#define NOALLOC_CHECKS_KNOWLEDGE_STOREDCALLABLES_H

#include "facts/Facts.h"
#include "llvm/ADT/StringRef.h"

namespace noalloc {

/// What a std::function asks of the callable it holds.
enum class CallableOperation { None, Copy, CopyInPlace, Destroy };

/// The program's function for copying a callable a std::function holds
/// (with libstdc++ the whole manager, which also destroys one), for
/// copying one into the buffer of another (libc++'s move of a callable
/// held in place), and for destroying one.
inline constexpr llvm::StringLiteral CallableCopyUSR =
    "noalloc:std::function:copy";
inline constexpr llvm::StringLiteral CallableCopyInPlaceUSR =
    "noalloc:std::function:copy-in-place";
inline constexpr llvm::StringLiteral CallableDestroyUSR =
    "noalloc:std::function:destroy";

/// Every operation but None.
inline constexpr CallableOperation CallableOperations[] = {
    CallableOperation::Copy, CallableOperation::CopyInPlace,
    CallableOperation::Destroy};

/// The USR of \p Op's function ("" for None).
llvm::StringRef callableOperationUSR(CallableOperation Op);
/// How chains name \p Op's function.
llvm::StringRef callableOperationName(CallableOperation Op);
/// Which of the two functions \p USR is, if any.
CallableOperation callableOperationOf(llvm::StringRef USR);

/// Replaces the calls of library functions in \p Facts that copy or
/// destroy a std::function's callable by accepted direct calls of the
/// operation's function: cut from the unit's summaries, and where they
/// were. Returns whether there were any.
bool redirectCallableOperations(TranslationUnitFacts &Facts);

/// Removes from \p Facts the calls by which std::any's type queries ask
/// the manager of the value it holds for its type or its address
/// (libstdc++'s 'type()', libc++'s 'type()' and 'any_cast' on a pointer):
/// for those the manager, whatever the value's type, neither copies nor
/// destroys it and uses no heap. Its other work (copy, move, destruction)
/// stays a call of every manager the program stores.
void dropHeldValueQueries(TranslationUnitFacts &Facts);

/// Whether a std::function holds its callable in an object of \p
/// KnowledgeClass, whose virtual members copy and destroy it: libc++'s
/// std::__function::__func.
bool isCallableWrapper(llvm::StringRef KnowledgeClass);

/// Whether \p C (a CallSite or the link's LinkedCall) is such a redirected
/// call, and of which operation.
template <typename Call> CallableOperation redirectedOperation(const Call &C) {
  return C.Kind == CallKind::Direct && C.Accepted
             ? callableOperationOf(C.Callee)
             : CallableOperation::None;
}

/// Which operation the library function \p F does for the stored callable
/// of its type, as part of its copy or destruction: libstdc++'s manager
/// (its address taken: stored) copies, the callable's _M_destroy
/// destroys; libc++'s __func::__clone copies (into a buffer, the overload
/// given one), destroy and destroy_deallocate destroy.
CallableOperation storedCallablePart(const FunctionFacts &F);

} // namespace noalloc

#endif // NOALLOC_CHECKS_KNOWLEDGE_STOREDCALLABLES_H
