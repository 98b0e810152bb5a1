// std::make_exception_ptr allocates the exception object with
// __cxa_allocate_exception (the oracle measures 1 with libstdc++ 12 and
// libc++ 22), whatever the object: noalloc-std-type reports the call, the
// verdict of the function that makes it says allocates, and so does its
// caller's. An empty std::exception_ptr, and std::current_exception outside
// a handler, allocate nothing (measured 0).
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-std-type,noalloc-call' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-std-type,noalloc-call' %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-std-type,noalloc-call' --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-std-type,noalloc-call' --format=json %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %oracle %s -- -std=c++17

#include <exception>

struct Failed {};
std::exception_ptr capture() { return std::make_exception_ptr(Failed()); }
// CHECK: exception-ptr.cpp:[[@LINE-1]]:39: warning: call to 'std::make_exception_ptr' allocates on the heap [noalloc-std-type]
std::exception_ptr captureCode(int Code) {
  return std::make_exception_ptr(Code);
  // CHECK: exception-ptr.cpp:[[@LINE-1]]:10: warning: call to 'std::make_exception_ptr' allocates on the heap [noalloc-std-type]
}
bool captured() { return capture() != nullptr; }
// CHECK: exception-ptr.cpp:[[@LINE-1]]:26: warning: call to 'capture' may allocate on the heap [noalloc-call]
// CHECK: exception-ptr.cpp:[[@LINE-8]]:39: note: 'capture' calls 'std::make_exception_ptr<Failed>', which may allocate on the heap

// The twins.
std::exception_ptr empty() { return std::exception_ptr(); }
std::exception_ptr current() { return std::current_exception(); }

// JSON: "name": "capture",
// JSON: "verdict": "allocates"
// JSON: "name": "captureCode",
// JSON: "verdict": "allocates"
// JSON: "name": "captured",
// JSON: "verdict": "allocates"
// JSON: "name": "empty",
// JSON: "verdict": "none"
// JSON: "name": "current",
// JSON: "verdict": "none"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  ORACLE_ALLOCATES("std::make_exception_ptr of an empty struct", capture());
  ORACLE_ALLOCATES("std::make_exception_ptr of an int", captureCode(7));
  ORACLE_ALLOCATES("a caller of std::make_exception_ptr", captured());
  ORACLE_NO_HEAP("an empty std::exception_ptr", empty());
  ORACLE_NO_HEAP("std::current_exception outside a handler", current());
}
#endif
