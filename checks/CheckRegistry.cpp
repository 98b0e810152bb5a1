//===--- CheckRegistry.cpp - The checks, as data --------------------------===//

#include "CheckRegistry.h"
#include "knowledge/KnowledgeBase.h"

using namespace llvm;

namespace noalloc {

static const CheckInfo Checks[] = {
#define NOALLOC_CHECK(Name, Class, EnabledByDefault, Summary, Description)     \
  {Name, EnabledByDefault, Summary, Description},
#include "Checks.def"
};

llvm::ArrayRef<CheckInfo> allChecks() { return Checks; }

std::string defaultCheckGlob() {
  std::string Glob = "-*,noalloc-*";
  for (const CheckInfo &C : Checks)
    if (!C.EnabledByDefault)
      Glob += ",-" + C.Name.str();
  return Glob;
}

const CheckInfo *findCheck(llvm::StringRef Name) {
  for (const CheckInfo &C : Checks)
    if (C.Name == Name)
      return &C;
  return nullptr;
}

StringRef checkReportingSite(SiteKind Kind) {
  switch (Kind) {
  case SiteKind::New:
  case SiteKind::Delete:
  case SiteKind::OperatorNew:
  case SiteKind::OperatorDelete:
    return "noalloc-new-delete";
  case SiteKind::Throw:
    return "noalloc-throw";
  case SiteKind::CoroutineFrame:
    return "noalloc-coroutine";
  case SiteKind::ThreadExit:
    return "noalloc-call";
  }
  llvm_unreachable("unknown site kind");
}

StringRef checkReportingCall(ObjectMemory Object, bool InThrow, bool InCatch,
                             const FunctionEntry *Callee) {
  if (InCatch && !InThrow)
    return "";
  switch (Object) {
  case ObjectMemory::Heap:
    return "noalloc-std-type";
  case ObjectMemory::MemoryResource:
  case ObjectMemory::CustomAllocator:
    return "noalloc-pmr";
  case ObjectMemory::BoundedResource:
    // Not the heap: what such a call still does (an element that
    // allocates, a library function noalloc cannot see) is noalloc-call's.
    return "";
  case ObjectMemory::None:
    break;
  }
  // What a throw's operand does is part of the throw: one finding, whose
  // note names the construction.
  if (InThrow)
    return "noalloc-throw";
  if (!Callee)
    return "";
  // Mirrors what noalloc-std-type and noalloc-c-allocation match.
  if (StringRef(Callee->Name).starts_with("std::"))
    return Callee->Effect == FunctionEffect::Allocates ? "noalloc-std-type"
                                                        : "";
  switch (Callee->Effect) {
  case FunctionEffect::Allocates:
  case FunctionEffect::Releases:
  case FunctionEffect::Reallocates:
  case FunctionEffect::MayAllocate:
    return "noalloc-c-allocation";
  case FunctionEffect::AllocatesOnFailure:
  case FunctionEffect::None:
    return "";
  }
  llvm_unreachable("unknown function effect");
}

} // namespace noalloc
