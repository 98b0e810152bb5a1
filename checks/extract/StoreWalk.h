//===--- StoreWalk.h - What user code stores into its callables -----------===//
//
// One walk of the unit's user code, instantiations and implicit code
// included, that tells both the function pointers' collector
// (FunctionPointers.h) and the std::function slots' (CallableSlots.h) what
// it meets: what is stored into each followed variable, field and slot.
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_CHECKS_EXTRACT_STOREWALK_H
#define NOALLOC_CHECKS_EXTRACT_STOREWALK_H

#include "extract/CallableSlots.h"
#include "extract/FunctionPointers.h"

namespace noalloc {

struct UnitStores {
  PointerStores Pointers;
  CallableStores Callables;
};

/// Whether the walks of what user code runs skip \p D: library code (it is
/// reached through the calls user code makes; it writes no variable of user
/// code by name) and a template's pattern (which runs only as its
/// instantiations).
bool skippedByUnitWalks(const clang::Decl *D, const clang::SourceManager &SM);

/// What the user code of the unit stores into its followed pointers and,
/// in C++, into its std::function slots.
UnitStores collectStores(clang::ASTContext &Ctx);

} // namespace noalloc

#endif // NOALLOC_CHECKS_EXTRACT_STOREWALK_H
