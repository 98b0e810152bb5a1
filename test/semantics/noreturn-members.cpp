// A library's member function (or operator) that does not return is its
// failure path, as a free one is: the message its argument builds is made
// only to fail. A member that returns builds it on every call.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- -std=c++17 -isystem %S/Inputs \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %oracle %s -- -std=c++17 -isystem %S/Inputs

#include <reporting-library.h>

int viaMember(int V) { return lib::checked(V); }
// CHECK: noreturn-members.cpp:[[@LINE-1]]:31: warning: call to 'lib::checked' may allocate only when it fails (throws 'std::runtime_error') [noalloc-call]
int viaOperator(int V) { return lib::guarded(V); }
// CHECK: noreturn-members.cpp:[[@LINE-1]]:33: warning: call to 'lib::guarded' may allocate only when it fails (throws 'std::runtime_error') [noalloc-call]
int everyCall(int V) { return lib::noted(V); }
// CHECK: noreturn-members.cpp:[[@LINE-1]]:31: warning: call to 'lib::noted' may allocate on the heap [noalloc-call]

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  ORACLE_NO_HEAP("checked, within bounds", viaMember(1));
  ORACLE_ALLOCATES("checked, failing", viaMember(-1));
  ORACLE_NO_HEAP("guarded, within bounds", viaOperator(1));
  ORACLE_ALLOCATES("guarded, failing", viaOperator(-1));
  ORACLE_ALLOCATES("noted builds its message every time", everyCall(1));
}
#endif
