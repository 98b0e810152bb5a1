//===--- StoredCallables.cpp - What std::function does with its callable --===//

#include "knowledge/StoredCallables.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"

using llvm::StringRef;

namespace noalloc {

StringRef callableOperationUSR(CallableOperation Op) {
  switch (Op) {
  case CallableOperation::Copy:
    return CallableCopyUSR;
  case CallableOperation::CopyInPlace:
    return CallableCopyInPlaceUSR;
  case CallableOperation::Destroy:
    return CallableDestroyUSR;
  case CallableOperation::None:
    return "";
  }
  return "";
}

StringRef callableOperationName(CallableOperation Op) {
  switch (Op) {
  case CallableOperation::Copy:
    return "copying the callable of a std::function";
  case CallableOperation::CopyInPlace:
    return "copying the callable of a std::function into its buffer";
  case CallableOperation::Destroy:
    return "destroying the callable of a std::function";
  case CallableOperation::None:
    return "";
  }
  return "";
}

CallableOperation callableOperationOf(StringRef USR) {
  if (USR == CallableCopyUSR)
    return CallableOperation::Copy;
  if (USR == CallableCopyInPlaceUSR)
    return CallableOperation::CopyInPlace;
  if (USR == CallableDestroyUSR)
    return CallableOperation::Destroy;
  return CallableOperation::None;
}

/// Whether \p USR names libc++'s '__clone(__base *)', which copies the
/// callable into the buffer it is given, not '__clone()', which copies it
/// onto the heap: the overloads differ in their parameter only, and the
/// USR writes it ('@F@__clone#*$...').
static bool isInPlaceClone(StringRef USR) {
  return USR.contains("@F@__clone#*");
}

/// What libc++'s virtual member \p Member (of __base, or of the wrapper
/// __func that overrides it), whose USR is \p USR, does with the callable.
static CallableOperation libcxxOperation(StringRef Member, StringRef USR) {
  // A move of one held in place copies it into the buffer, never onto the
  // heap.
  if (Member == "__clone")
    return isInPlaceClone(USR) ? CallableOperation::CopyInPlace
                               : CallableOperation::Copy;
  if (Member == "destroy" || Member == "destroy_deallocate")
    return CallableOperation::Destroy;
  return CallableOperation::None;
}

/// libstdc++: a call through _M_manager, whose type is the only one with
/// the manager's operation code; libc++: a virtual call of __base's copy
/// or destruction. \p Callee is the called function's knowledge name.
static CallableOperation operationOfCall(const FunctionFacts &Caller,
                                         const CallSite &C, StringRef Callee) {
  if (C.Kind == CallKind::Indirect &&
      StringRef(C.Callee).contains("std::_Manager_operation")) {
    // Destroying, or assigning null, asks the manager to destroy; the rest
    // (the copy constructor, target()) is taken as the whole manager.
    StringRef Name = Caller.KnowledgeName;
    return Name == "std::_Function_base::~_Function_base" ||
                   Name == "std::function::operator=(nullptr)"
               ? CallableOperation::Destroy
               : CallableOperation::Copy;
  }
  if (C.Kind != CallKind::Virtual ||
      !Callee.consume_front("std::__function::__base::"))
    return CallableOperation::None;
  return libcxxOperation(Callee, C.Callee);
}

bool redirectCallableOperations(TranslationUnitFacts &Facts) {
  llvm::StringMap<StringRef> KnowledgeNames;
  for (const FunctionFacts &F : Facts.Functions)
    KnowledgeNames.try_emplace(F.USR, F.KnowledgeName);
  bool Redirected = false;
  for (FunctionFacts &F : Facts.Functions) {
    if (!F.InSystemHeader)
      continue;
    for (CallSite &C : F.Calls) {
      CallableOperation Op =
          operationOfCall(F, C, KnowledgeNames.lookup(C.Callee));
      if (Op == CallableOperation::None)
        continue;
      C.Kind = CallKind::Direct;
      C.Callee = callableOperationUSR(Op).str();
      C.CalleeName = callableOperationName(Op).str();
      C.Pointer.clear();
      C.Accepted = true;
      Redirected = true;
    }
  }
  return Redirected;
}

/// Whether \p C, a call in the library function \p Caller, asks std::any's
/// manager only for the held value's type or address: libstdc++'s
/// 'type()' calls it through _M_manager with _Op_get_type_info (its
/// 'any_cast' asks 'type()'); libc++'s 'type()' and 'any_cast' on a
/// pointer call '__call' with _TypeInfo and _Get.
static bool asksHeldValueOnly(StringRef Caller, const CallSite &C,
                              StringRef Callee) {
  if (Caller != "std::any::type" && Caller != "std::any_cast")
    return false;
  if (C.Kind == CallKind::Indirect)
    return Caller == "std::any::type" &&
           StringRef(C.Callee).contains("std::any::_Op");
  return Callee == "std::any::__call";
}

void dropHeldValueQueries(TranslationUnitFacts &Facts) {
  llvm::StringMap<StringRef> KnowledgeNames;
  for (const FunctionFacts &F : Facts.Functions)
    KnowledgeNames.try_emplace(F.USR, F.KnowledgeName);
  for (FunctionFacts &F : Facts.Functions)
    if (F.InSystemHeader)
      llvm::erase_if(F.Calls, [&](const CallSite &C) {
        return asksHeldValueOnly(F.KnowledgeName, C,
                                 KnowledgeNames.lookup(C.Callee));
      });
}

bool isCallableWrapper(StringRef KnowledgeClass) {
  return KnowledgeClass == "std::__function::__func";
}

CallableOperation storedCallablePart(const FunctionFacts &F) {
  StringRef Name = F.KnowledgeName;
  if (!F.InSystemHeader || !F.Defined)
    return CallableOperation::None;
  if (Name == "std::_Function_handler::_M_manager")
    return F.AddressTaken ? CallableOperation::Copy : CallableOperation::None;
  if (Name == "std::_Function_base::_Base_manager::_M_destroy")
    return CallableOperation::Destroy;
  if (!Name.consume_front("std::__function::__func::"))
    return CallableOperation::None;
  return libcxxOperation(Name, F.USR);
}

} // namespace noalloc
