// Destroying a suspended coroutine runs the destructors of its frame's
// objects and frees the frame, not its body: std::coroutine_handle<P>::
// destroy() reaches, for each coroutine of promise type P, the destructors
// its code calls and its frame's release (or the promise type's operator
// delete). Destroying 'loud' (its body mallocs, its frame is from a static
// pool) uses no heap; destroying 'quiet' frees its heap frame; destroying
// 'owning' suspended with a live 'Buffer' frees the buffer. A coroutine
// that runs past a final_suspend that does not suspend frees its frame:
// resuming 'eager' releases. Before, destroy() reached the bodies (both
// destroy 'loud' and 'quiet' allocated) and no frame's release counted.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++20 \
// RUN:   | FileCheck %s
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++20 -stdlib=libc++ \
// RUN:   | FileCheck %s
// RUN: %oracle %s -- -std=c++20

#include "Inputs/coroutine-promise.h"
#include <cstddef>
#include <cstdlib>

// Frames from a static pool, one at a time: no heap.
struct PoolFrames {
  alignas(64) static inline unsigned char Pool[4096];
  static void *operator new(std::size_t) noexcept { return Pool; }
  static void operator delete(void *) noexcept {}
};
struct Pooled {
  struct promise_type : Promise<Pooled>, PoolFrames {
    static Pooled get_return_object_on_allocation_failure() { return {}; }
  };
  std::coroutine_handle<promise_type> H;
};
struct Owning {
  struct promise_type : Promise<Owning>, PoolFrames {
    static Owning get_return_object_on_allocation_failure() { return {}; }
  };
  std::coroutine_handle<promise_type> H;
};
// Frames from the global heap.
struct HeapFramed {
  struct promise_type : Promise<HeapFramed> {};
  std::coroutine_handle<promise_type> H;
};
// Runs to its end when resumed: its final suspend point does not suspend.
struct Eager {
  struct promise_type : Promise<Eager> {
    std::suspend_never final_suspend() noexcept { return {}; }
  };
  std::coroutine_handle<promise_type> H;
};

struct Buffer {
  void *P = std::malloc(32);
  ~Buffer() { std::free(P); }
};

Pooled loud() {
  std::free(std::malloc(16));
  co_return;
}
HeapFramed quiet() { co_return; }
Owning owning() {
  Buffer B = Buffer();
  co_await std::suspend_always{};
}
Eager eager() { co_return; }

void destroyLoud(Pooled &G) { G.H.destroy(); }
void destroyQuiet(HeapFramed &G) { G.H.destroy(); }
void stepOwning(Owning &G) { G.H.resume(); }
void destroyOwning(Owning &G) { G.H.destroy(); }
void stepEager(Eager &G) { G.H.resume(); }

// CHECK: "name": "destroyLoud",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"
// CHECK: "name": "destroyQuiet",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "releases"
// CHECK: "name": "stepOwning",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "destroyOwning",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "releases"
// CHECK: "name": "stepEager",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "releases"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  Pooled L = loud();
  ORACLE_NO_HEAP("destroying a pooled coroutine whose body mallocs", destroyLoud(L));
  HeapFramed Q = quiet();
  ORACLE_RELEASES("destroying a coroutine whose frame is on the heap", destroyQuiet(Q));
  Owning O = owning();
  ORACLE_ALLOCATES("resuming a coroutine that makes a Buffer", stepOwning(O));
  ORACLE_RELEASES("destroying a coroutine suspended with a live Buffer", destroyOwning(O));
  Eager E = eager();
  ORACLE_RELEASES("resuming a coroutine to its end past a final suspend_never", stepEager(E));
}
#endif
