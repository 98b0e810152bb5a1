//===--- CheckRegistry.h - The checks, as data ----------------------------===//
//
// Checks.def read as a table, for the parts of noalloc that name checks
// without constructing them: the default check list, --list-checks, SARIF
// rules.
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_CHECKS_CHECKREGISTRY_H
#define NOALLOC_CHECKS_CHECKREGISTRY_H

#include "facts/Facts.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace noalloc {

struct CheckInfo {
  llvm::StringLiteral Name;
  bool EnabledByDefault;
  llvm::StringLiteral Summary;
  llvm::StringLiteral Description;
};

/// Every check, in the order of Checks.def (alphabetical).
llvm::ArrayRef<CheckInfo> allChecks();

/// The clang-tidy glob of the checks enabled by default:
/// "-*,noalloc-*,-noalloc-unknown-call".
std::string defaultCheckGlob();

/// The entry of \p Name, or null.
const CheckInfo *findCheck(llvm::StringRef Name);

struct FunctionEntry;

/// The check that reports a heap site of \p Kind where it is written.
llvm::StringRef checkReportingSite(SiteKind Kind);

/// The direct check that reports \p Call itself or the object it operates
/// on, or "" if only noalloc-call can: an operation on an object of an
/// owning type is noalloc-std-type's or noalloc-pmr's, a call to a library
/// function the knowledge base lists (\p Callee) noalloc-std-type's
/// (std::) or noalloc-c-allocation's (a may-allocate function only with
/// its ReportMayAllocate), a call in a throw's operand noalloc-throw's.
/// A call in a 'catch' handler (\p InCatch), outside a throw's operand, is
/// noalloc-call's: it runs only on a failure path, which that check
/// reports as its own kind.
/// Reads the call's Object, InThrow and InCatch only.
llvm::StringRef checkReportingCall(ObjectMemory Object, bool InThrow,
                                   bool InCatch, const FunctionEntry *Callee);
template <typename Call>
llvm::StringRef checkReportingCall(const Call &C, const FunctionEntry *Callee) {
  return checkReportingCall(C.Object, C.InThrow, C.InCatch, Callee);
}

} // namespace noalloc

#endif // NOALLOC_CHECKS_CHECKREGISTRY_H
