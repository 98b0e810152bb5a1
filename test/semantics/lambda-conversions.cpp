// A lambda converted to a function pointer is called through it. For a
// generic lambda the pointer holds the static invoker of the call
// operator's specialization (operator()<int>), which runs it; a lambda
// written '+[]' as qsort's comparator is converted the same way. The
// twins convert lambdas that use no heap.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
// RUN:   --config="{CheckOptions: {Roots: 'tick;local;sortPlus;quietTick;quietSort'}}" %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++20 \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %oracle %s -- -std=c++20

#include <cstdlib>

void (*OnSample)(int) = nullptr;
void install() {
  OnSample = [](auto Bytes) { std::free(std::malloc(Bytes)); };
}
void tick() { OnSample(16); }
void local() {
  void (*Handler)(int) = [](auto Bytes) { std::free(std::malloc(Bytes)); };
  Handler(16);
}
void sortPlus(int *A) {
  std::qsort(A, 2, sizeof(int), +[](const void *, const void *) -> int {
    std::free(std::malloc(1));
    return 0;
  });
}

int (*OnCount)(long) = nullptr;
void installQuiet() {
  OnCount = [](auto N) { return (int)N + 1; };
}
int quietTick() { return OnCount(16); }
void quietSort(int *A) {
  std::qsort(A, 2, sizeof(int), +[](const void *L, const void *R) -> int {
    return *(const int *)L - *(const int *)R;
  });
}

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  install();
  installQuiet();
  int A[2] = {2, 1};
  ORACLE_ALLOCATES("generic lambda through a global pointer", tick());
  ORACLE_ALLOCATES("generic lambda through a local pointer", local());
  ORACLE_ALLOCATES("qsort with a +[] comparator", sortPlus(A));
  ORACLE_NO_HEAP("quiet generic lambda through a global pointer", quietTick());
  ORACLE_NO_HEAP("qsort with a quiet +[] comparator", quietSort(A));
}
#endif

// What the pointers may hold is found by their type (FunctionPointers does not
// resolve a generic lambda's conversion): each may be either generic lambda.
// CHECK: lambda-conversions.cpp:17:41: warning: call to 'malloc' may allocate on the heap [noalloc-call]
// CHECK: lambda-conversions.cpp:19:6: note: 'tick' must not allocate: it is a noalloc root
// CHECK: lambda-conversions.cpp:19:15: note: 'tick' calls through 'OnSample', which may be 'lambda at lambda-conversions.cpp:17:14'
// CHECK: lambda-conversions.cpp:17:41: note: 'malloc' allocates on the heap
// CHECK: lambda-conversions.cpp:17:31: note: and 1 more call in 'lambda at lambda-conversions.cpp:17:14' that may use the heap
// CHECK: lambda-conversions.cpp:19:15: warning: call through 'OnSample' may allocate on the heap [noalloc-call]
// CHECK: lambda-conversions.cpp:19:6: note: 'tick' must not allocate: it is a noalloc root
// CHECK: lambda-conversions.cpp:17:14: note: 'OnSample' may be 'lambda at lambda-conversions.cpp:17:14', whose address is taken
// CHECK: lambda-conversions.cpp:17:41: note: 'lambda at lambda-conversions.cpp:17:14' calls 'malloc', which allocates on the heap
// CHECK: lambda-conversions.cpp:21:53: warning: call to 'malloc' may allocate on the heap [noalloc-call]
// CHECK: lambda-conversions.cpp:19:6: note: 'tick' must not allocate: it is a noalloc root
// CHECK: lambda-conversions.cpp:19:15: note: 'tick' calls through 'OnSample', which may be 'lambda at lambda-conversions.cpp:21:26'
// CHECK: lambda-conversions.cpp:21:53: note: 'malloc' allocates on the heap
// CHECK: lambda-conversions.cpp:21:43: note: and 1 more call in 'lambda at lambda-conversions.cpp:21:26' that may use the heap
// CHECK: lambda-conversions.cpp:22:3: warning: call through 'Handler' may allocate on the heap [noalloc-call]
// CHECK: lambda-conversions.cpp:20:6: note: 'local' must not allocate: it is a noalloc root
// CHECK: lambda-conversions.cpp:17:14: note: 'Handler' may be 'lambda at lambda-conversions.cpp:17:14', whose address is taken
// CHECK: lambda-conversions.cpp:17:41: note: 'lambda at lambda-conversions.cpp:17:14' calls 'malloc', which allocates on the heap
// CHECK: lambda-conversions.cpp:25:33: warning: call to 'lambda at lambda-conversions.cpp:25:34' may allocate on the heap [noalloc-call]
// CHECK: lambda-conversions.cpp:24:6: note: 'sortPlus' must not allocate: it is a noalloc root
// CHECK: lambda-conversions.cpp:26:15: note: 'lambda at lambda-conversions.cpp:25:34' calls 'malloc', which allocates on the heap
// CHECK: lambda-conversions.cpp:26:15: warning: call to 'malloc' may allocate on the heap [noalloc-call]
// CHECK: lambda-conversions.cpp:24:6: note: 'sortPlus' must not allocate: it is a noalloc root
// CHECK: lambda-conversions.cpp:25:33: note: 'sortPlus' calls 'lambda at lambda-conversions.cpp:25:34'
// CHECK: lambda-conversions.cpp:26:15: note: 'malloc' allocates on the heap
// CHECK: lambda-conversions.cpp:26:5: note: and 1 more call in 'lambda at lambda-conversions.cpp:25:34' that may use the heap

// JSON: "name": "tick",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "local",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "sortPlus",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "quietTick",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "none"
// JSON: "name": "quietSort",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "none"
