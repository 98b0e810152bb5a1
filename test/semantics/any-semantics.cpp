// Asking a std::any what it holds uses no heap: libstdc++'s 'type()' asks
// the manager of the held value's type for its type_info, libc++'s 'type()'
// and 'any_cast' on a pointer ask its handler for the type or the address.
// None of those copies or destroys the value, whatever its type, so they
// are not calls of every manager the program stores, whose copy allocates
// ('typeOf', 'castPointer': none; they were 'allocates'; 'hasValue' reads
// the manager's pointer only). The twins still allocate: copying an any
// that holds a value too big for its buffer ('copyBig') and making one
// from such a value ('makeBig'). Every label is the oracle's, with
// libstdc++ and libc++; every function is a root. Left: 'reset', the
// destructor and the move assignment still reach the whole manager (its
// copy too), a false alarm (review8-7).
// A local any that is empty, or holds a trivially copyable value that
// fits its library's buffer (knowledge/cxx.yaml's any-buffer: 8 bytes with
// libstdc++, 24 with libc++), and that its function only asks what it
// holds (has_value, type), never uses the heap: no noalloc-std-type
// finding, and neither making nor destroying it reaches the manager
// ('localEmpty', 'localSmall': none; were 'allocates'). The twins: a value
// too big for the buffer ('localBig'), and a 16-byte one, which only
// libc++ holds in place ('localMid').
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefixes=CHECK,GNU
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefixes=CHECK,LLVM
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-std-type' %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefixes=STD,STD-GNU --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-std-type' %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefix=STD --implicit-check-not='{{warning|error}}:'
// RUN: %oracle %s -- -std=c++17

#include <any>
#include <array>

#define ROOT [[clang::annotate("noalloc")]]

using Big = std::array<int, 64>;

ROOT bool typeOf(const std::any &a) { return a.type() == typeid(Big); }
ROOT bool hasValue(const std::any &a) { return a.has_value(); }
ROOT int castPointer(std::any &a) {
  Big *held = std::any_cast<Big>(&a);
  return held ? (*held)[0] : -1;
}
ROOT void copyBig(const std::any &from, std::any &into) { into = from; }
ROOT std::any makeBig() { return Big{}; }
// STD: any-semantics.cpp:[[@LINE-1]]:34: warning: construction of 'std::any' allocates on the heap [noalloc-std-type]

struct Mid {
  long First, Second;
};
ROOT bool localEmpty() {
  std::any a;
  return a.has_value();
}
ROOT bool localSmall() {
  std::any a = 42;
  return a.has_value() && a.type() == typeid(int);
}
ROOT bool localBig() {
  std::any a = Big{};
  // STD: any-semantics.cpp:[[@LINE-1]]:12: warning: variable 'a' of type 'std::any' allocates on the heap [noalloc-std-type]
  return a.has_value();
}
ROOT bool localMid() {
  std::any a = Mid{1, 2};
  // STD-GNU: any-semantics.cpp:[[@LINE-1]]:12: warning: variable 'a' of type 'std::any' allocates on the heap [noalloc-std-type]
  return a.has_value();
}

// CHECK: "name": "typeOf",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"
// CHECK: "name": "hasValue",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"
// CHECK: "name": "castPointer",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"
// CHECK: "name": "copyBig",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "makeBig",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "localEmpty",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"
// CHECK: "name": "localSmall",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"
// CHECK: "name": "localBig",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "localMid",
// CHECK-NEXT: "usr":
// GNU-NEXT: "verdict": "allocates"
// LLVM-NEXT: "verdict": "none"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  std::any a = makeBig(), b;
  ORACLE_NO_HEAP("the type of an any holding a big value", typeOf(a));
  ORACLE_NO_HEAP("whether it holds one", hasValue(a));
  ORACLE_NO_HEAP("any_cast on a pointer to it", castPointer(a));
  ORACLE_ALLOCATES("copying it", copyBig(a, b));
  ORACLE_ALLOCATES("making one from a big value", makeBig());
  ORACLE_NO_HEAP("a local empty any", localEmpty());
  ORACLE_NO_HEAP("a local any holding an int", localSmall());
  ORACLE_ALLOCATES("a local any holding a big value", localBig());
#ifdef _LIBCPP_VERSION
  ORACLE_NO_HEAP("a local any holding 16 bytes (libc++: in place)", localMid());
#else
  ORACLE_ALLOCATES("a local any holding 16 bytes (libstdc++: on the heap)", localMid());
#endif
}
#endif
