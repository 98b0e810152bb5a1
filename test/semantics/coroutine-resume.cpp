// Resuming a coroutine runs its body: std::coroutine_handle<P>::resume()
// and operator() reach the bodies of the coroutines of promise type P, a
// std::coroutine_handle<> every coroutine. The body is the coroutine
// without its frame's allocation, which the call that creates the
// coroutine makes: resuming 'quiet', whose frame is on the heap and whose
// body uses none, uses no heap, and neither does resuming it through its
// own handle type; 'loud' (frame from a static pool) mallocs in its body.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++20 \
// RUN:   | FileCheck %s
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++20 -stdlib=libc++ \
// RUN:   | FileCheck %s
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
// RUN:   --config="{CheckOptions: {Roots: 'step*;makeQuiet'}}" %s -- -std=c++20 \
// RUN:   | FileCheck %s --check-prefix=ROOTS --implicit-check-not='{{warning|error}}:'
// RUN: %oracle %s -- -std=c++20

// Promise<Task>: what both promise types do; Task::promise_type derives
// from it.
#include "Inputs/coroutine-promise.h"
#include <cstddef>
#include <cstdlib>

// Frames from a static pool: creating the coroutine does not use the heap.
struct Pooled {
  struct promise_type : Promise<Pooled> {
    alignas(64) static inline unsigned char Pool[4096];
    static void *operator new(std::size_t) noexcept { return Pool; }
    static void operator delete(void *) noexcept {}
    static Pooled get_return_object_on_allocation_failure() { return {}; }
  };
  std::coroutine_handle<promise_type> H;
};
// Frames from the global heap.
struct HeapFramed {
  struct promise_type : Promise<HeapFramed> {};
  std::coroutine_handle<promise_type> H;
};

Pooled loud() {
  std::free(std::malloc(16));
  co_return;
}
HeapFramed quiet() { co_return; }

void stepLoud(Pooled &G) { G.H.resume(); }
void stepQuiet(HeapFramed &G) { G.H(); }
void stepAny(std::coroutine_handle<> H) { H.resume(); }
void makeQuiet() { quiet().H.destroy(); }

// CHECK: "name": "stepLoud",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "stepQuiet",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"
// CHECK: "name": "stepAny",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "makeQuiet",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"

// ROOTS: coroutine-resume.cpp:45:32: warning: call to 'std::coroutine_handle<Pooled::promise_type>::resume' may allocate on the heap [noalloc-call]
// ROOTS: note: 'stepLoud' must not allocate: it is a noalloc root
// ROOTS: note: 'std::coroutine_handle<Pooled::promise_type>::resume' calls 'loud'
// ROOTS: coroutine-resume.cpp:40:13: note: 'loud' calls 'malloc', which allocates on the heap
// ROOTS: coroutine-resume.cpp:47:45: warning: call to 'std::coroutine_handle<>::resume' may allocate on the heap [noalloc-call]
// ROOTS: note: 'stepAny' must not allocate: it is a noalloc root
// ROOTS: note: 'std::coroutine_handle<>::resume' calls 'loud'
// ROOTS: coroutine-resume.cpp:40:13: note: 'loud' calls 'malloc', which allocates on the heap
// ROOTS: coroutine-resume.cpp:48:20: warning: call to 'quiet' may allocate on the heap [noalloc-call]
// ROOTS: coroutine-resume.cpp:43:20: note: 'quiet' allocates its coroutine frame here

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  Pooled L = loud();
  ORACLE_ALLOCATES("coroutine_handle<P>::resume", stepLoud(L));
  L.H.destroy();
  HeapFramed Q = quiet();
  ORACLE_NO_HEAP("coroutine_handle<P>::operator(), a quiet body", stepQuiet(Q));
  Q.H.destroy();
  Pooled L2 = loud();
  ORACLE_ALLOCATES("coroutine_handle<>::resume", stepAny(L2.H));
  L2.H.destroy();
  ORACLE_ALLOCATES("creating a coroutine whose frame is on the heap", makeQuiet());
}
#endif
