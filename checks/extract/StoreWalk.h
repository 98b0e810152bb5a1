//===--- StoreWalk.h - What user code stores into its callables -----------===//
//
// One walk of the unit's user code, instantiations and implicit code
// included, that tells both the function pointers' collector
// (FunctionPointers.h) and the std::function slots' (CallableSlots.h) what
// it meets: what is stored into each followed variable, field and slot.
// The same walk finds the functions user code defines and what its global
// initializers do with functions (UnitDefinitions).
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_CHECKS_EXTRACT_STOREWALK_H
#define NOALLOC_CHECKS_EXTRACT_STOREWALK_H

#include "extract/CallableSlots.h"
#include "extract/FunctionPointers.h"
#include <vector>

namespace noalloc {

/// What the unit walk finds besides stores, in the order it meets it. The
/// fact extractor takes it after the walk: whether a function's address
/// escapes depends on every store of the unit.
struct UnitDefinitions {
  enum class Kind {
    /// A function defined in user code, instantiations included, or an
    /// override declared here and defined elsewhere.
    Defined,
    /// A function referenced by a global initializer (a handler table).
    Referenced,
    /// A member call in a global initializer: maybe a lambda's conversion
    /// to a function pointer.
    MemberCall,
    /// A function cast to a pointer of another function type: a call
    /// through such a pointer may run it.
    Cast,
  };
  struct Event {
    Kind What;
    const clang::FunctionDecl *Function; // Defined, Referenced, Cast
    const clang::Expr *Node;             // Referenced, MemberCall, Cast
  };
  std::vector<Event> Events;
  /// The first non-local thread_local defined here whose destructor is
  /// registered for thread exit.
  const clang::VarDecl *ThreadExit = nullptr;
};

struct UnitStores {
  PointerStores Pointers;
  CallableStores Callables;
  UnitDefinitions Definitions;
};

/// A C++ thread_local whose destructor glibc's __cxa_thread_atexit_impl
/// registers for thread exit, with a calloc'd node (measured 1).
bool registersThreadExit(const clang::VarDecl *Var);

/// Whether the walks of what user code runs skip \p D: library code (it is
/// reached through the calls user code makes) and a template's pattern (which
/// runs only as its instantiations).
bool skippedByUnitWalks(const clang::Decl *D, const clang::SourceManager &SM);

/// Whether library code \p D may hold the instantiation of a template that
/// writes a followed pointer of user code by name ('a.run = b.run' with
/// user types for 'a' and 'b'), or by a bit cast ('std::bit_cast'): the
/// store walk visits it for those.
bool mayInstantiateLibrary(const clang::Decl *D);

/// What the user code of the unit stores into its followed pointers and,
/// in C++, into its slots of \p Types; the functions it defines. Taken
/// from walkUnitOnce when it ran on \p Ctx with the same knowledge.
UnitStores collectStores(clang::ASTContext &Ctx, const CallableTypes &Types);

/// Builds the checks' parent index of \p Ctx and collects its stores in one
/// walk of the unit's instantiations, not two: the index's second pass and
/// the store walk both visit every instantiation of user code. For the
/// tool, which runs both on every unit, before its checks ask the index.
void walkUnitOnce(clang::ASTContext &Ctx, const CallableTypes &Types);

} // namespace noalloc

#endif // NOALLOC_CHECKS_EXTRACT_STOREWALK_H
