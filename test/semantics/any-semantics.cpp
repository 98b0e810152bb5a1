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
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s
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

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  std::any a = makeBig(), b;
  ORACLE_NO_HEAP("the type of an any holding a big value", typeOf(a));
  ORACLE_NO_HEAP("whether it holds one", hasValue(a));
  ORACLE_NO_HEAP("any_cast on a pointer to it", castPointer(a));
  ORACLE_ALLOCATES("copying it", copyBig(a, b));
  ORACLE_ALLOCATES("making one from a big value", makeBig());
}
#endif
