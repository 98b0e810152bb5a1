// An inheriting constructor ('using Base::Base') runs the base's
// constructor it inherits: constructing a Derived from an int runs
// Base(int), which allocates. The twin inherits a constructor that does not.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++20 \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %oracle %s -- -std=c++20

#include <cstdlib>

struct Base {
  explicit Base(int N) : P(std::malloc(N)) {}
  void *P;
};
struct Derived : Base {
  using Base::Base;
};
void *make(int N) {
  Derived D(N);
  return D.P;
}

struct QuietBase {
  explicit QuietBase(int N) : Size(N) {}
  int Size;
};
struct QuietDerived : QuietBase {
  using QuietBase::QuietBase;
};
int makeQuiet(int N) {
  QuietDerived D(N);
  return D.Size;
}

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  void *P = nullptr;
  ORACLE_ALLOCATES("inheriting constructor", P = make(16));
  std::free(P);
  ORACLE_NO_HEAP("inheriting constructor that does not allocate",
                 makeQuiet(16));
}
#endif

// CHECK: inheriting-constructor.cpp:13:28: warning: call to 'malloc' may allocate on the heap [noalloc-call]
// CHECK: inheriting-constructor.cpp:13:28: note: 'malloc' allocates on the heap
// CHECK: inheriting-constructor.cpp:17:15: warning: call to 'Base::Base' may allocate on the heap [noalloc-call]
// CHECK: inheriting-constructor.cpp:13:28: note: 'Base::Base' calls 'malloc', which allocates on the heap
// CHECK: inheriting-constructor.cpp:20:11: warning: call to 'Derived::Base' may allocate on the heap [noalloc-call]
// CHECK: inheriting-constructor.cpp:17:15: note: 'Derived::Base' constructs 'Base'
// CHECK: inheriting-constructor.cpp:13:28: note: 'Base::Base' calls 'malloc', which allocates on the heap

// JSON: "name": "Derived::Base",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "make",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "QuietDerived::QuietBase",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "none"
// JSON: "name": "makeQuiet",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "none"
