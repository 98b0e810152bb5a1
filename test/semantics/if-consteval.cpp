// The first branch of 'if consteval' (the else branch of 'if !consteval')
// runs only during constant evaluation, never at run time (C++23
// [stmt.if]/4): 'twice' and 'thrice' use no heap at run time, and neither
// noalloc-call nor noalloc-new-delete reports them. The twins allocate in
// the branch that runs at run time.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call,noalloc-new-delete' %s -- -std=c++23 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call,noalloc-new-delete' --format=json %s -- -std=c++23 \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %oracle %s -- -std=c++23

constexpr int twice(int X) {
  if consteval {
    int *P = new int(X);
    int R = *P * 2;
    delete P;
    return R;
  } else {
    return X * 2;
  }
}
constexpr int thrice(int X) {
  if !consteval {
    return X * 3;
  } else {
    int *P = new int(X);
    int R = *P * 3;
    delete P;
    return R;
  }
}
int tick(int X) { return twice(X) + thrice(X); }

constexpr int boxed(int X) {
  if consteval {
    return X * 2;
  } else {
    int *P = new int(X);
    int R = *P * 2;
    delete P;
    return R;
  }
}
int tock(int X) { return boxed(X); }

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  ORACLE_NO_HEAP("if consteval at run time", tick(1));
  ORACLE_ALLOCATES("the run-time branch of if consteval", tock(1));
}
#endif

// JSON: "name": "twice",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "none"
// JSON: "name": "thrice",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "none"
// JSON: "name": "tick",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "none"
// JSON: "name": "boxed",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "tock",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"

// CHECK: if-consteval.cpp:38:14: warning: 'new' allocates on the heap [noalloc-new-delete]
// CHECK: if-consteval.cpp:38:14: note: replace with an automatic object 'int P': it is deleted in the same function
// CHECK: if-consteval.cpp:40:5: warning: 'delete' releases heap memory [noalloc-new-delete]
// CHECK: if-consteval.cpp:44:26: warning: call to 'boxed' may allocate on the heap [noalloc-call]
// CHECK: if-consteval.cpp:38:14: note: 'boxed' allocates with 'new' here
