// Heap use that clang's function-effect tests
// (clang/test/Sema/attr-nonblocking-constraints.cpp) and RealtimeSanitizer's
// (compiler-rt/test/rtsan/coroutine.cpp) are about, written here with a
// negative twin for each and confirmed by running them: the allocating
// builtins, lambda init-captures, default arguments, unevaluated operands,
// a throw in a default member initializer, a virtual base, static locals,
// thread_local and coroutine frames. bench/precision.py scores noalloc and
// clang's -Wfunction-effects on these functions.
// RUN: %expect-exit 1 %noalloc %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 1 %noalloc --format=json %s -- -std=c++20 \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %oracle %s -- -std=c++20
#include <coroutine>
#include <cstddef>
#include <cstdlib>
#include <new>
#include <vector>

// Allocating builtins are the functions they name.
void *builtinMalloc(std::size_t N) { return __builtin_malloc(N); }
// CHECK: function-effects.cpp:[[@LINE-1]]:45: warning: call to '__builtin_malloc' allocates on the heap [noalloc-c-allocation]
void builtinFree(void *P) { __builtin_free(P); }
// CHECK: function-effects.cpp:[[@LINE-1]]:29: warning: call to '__builtin_free' releases heap memory [noalloc-c-allocation]
void *builtinNew(std::size_t N) { return __builtin_operator_new(N); }
// CHECK: function-effects.cpp:[[@LINE-1]]:42: warning: call to '__builtin_operator_new' allocates on the heap [noalloc-new-delete]
void builtinDelete(void *P) { __builtin_operator_delete(P); }
// CHECK: function-effects.cpp:[[@LINE-1]]:31: warning: call to '__builtin_operator_delete' releases heap memory [noalloc-new-delete]
void builtinCopy(char *To, const char *From) { __builtin_memcpy(To, From, 4); }

// An init-capture is evaluated by the function that creates the lambda; the
// lambda's body is not run by creating it.
int *captureNew() {
  auto Get = [P = new int(7)] { return P; };
// CHECK: function-effects.cpp:[[@LINE-1]]:19: warning: 'new' allocates on the heap [noalloc-new-delete]
// CHECK: function-effects.cpp:[[@LINE-2]]:19: note: no fix: 'P' is used as a pointer of its own (compared, assigned, returned or stored)
  return Get();
}
int captureCopy(int *P) {
  auto Get = [Q = P] { return *Q; };
  return Get();
}
int makeAllocatingLambda() {
  auto Make = [] { return new int(1); };
// CHECK: function-effects.cpp:[[@LINE-1]]:27: warning: 'new' allocates on the heap [noalloc-new-delete]
  return sizeof Make;
}

// A default argument is evaluated by the caller that relies on it.
int *defaulted(int *P = new int(3)) { return P; }
// CHECK: function-effects.cpp:[[@LINE-1]]:25: warning: 'new' allocates on the heap [noalloc-new-delete]
int *relyOnDefault() { return defaulted(); }
int *passExplicitly(int *P) { return defaulted(P); }

// Unevaluated operands never run.
bool allocates() { return new int(1) != nullptr; }
// CHECK: function-effects.cpp:[[@LINE-1]]:27: warning: 'new' allocates on the heap [noalloc-new-delete]
int unevaluated() {
  decltype(allocates()) A = false;
  bool B = noexcept(allocates());
  std::size_t C = sizeof(allocates());
  return int(A) + int(B) + int(C);
}
int evaluated() { return allocates() ? 1 : 0; }
// CHECK: function-effects.cpp:[[@LINE-1]]:26: warning: call to 'allocates' may allocate on the heap [noalloc-call]
// CHECK: function-effects.cpp:[[@LINE-10]]:27: note: 'allocates' allocates with 'new' here

// A throw in a default member initializer belongs to the constructors that
// use it.
struct Checked {
  int Value;
  int Copy = Value < 0 ? throw Value : Value;
// CHECK: function-effects.cpp:[[@LINE-1]]:26: warning: 'throw' allocates the exception object on the heap [noalloc-throw]
  explicit Checked(int V) : Value(V) {}
};
struct Unchecked {
  int Value;
  int Copy = Value;
  explicit Unchecked(int V) : Value(V) {}
};
int makeChecked(int V) { return Checked(V).Copy; }
// CHECK: function-effects.cpp:[[@LINE-1]]:33: warning: call to 'Checked::Checked' may allocate on the heap [noalloc-call]
// CHECK: function-effects.cpp:[[@LINE-11]]:26: note: 'Checked::Checked' throws, which allocates the exception object here
int makeUnchecked(int V) { return Unchecked(V).Copy; }

// A virtual base's constructor runs as part of the most derived class's.
struct VBase {
  int *Ptr;
  VBase() : Ptr(new int(0)) {}
// CHECK: function-effects.cpp:[[@LINE-1]]:17: warning: 'new' allocates on the heap [noalloc-new-delete]
  virtual ~VBase() { delete Ptr; }
// CHECK: function-effects.cpp:[[@LINE-1]]:22: warning: 'delete' releases heap memory [noalloc-new-delete]
};
struct VDerived : virtual VBase {
  VDerived() {}
// CHECK: function-effects.cpp:[[@LINE-1]]:3: warning: call to 'VBase::VBase' may allocate on the heap [noalloc-call]
// CHECK: function-effects.cpp:[[@LINE-8]]:17: note: 'VBase::VBase' allocates with 'new' here
};
struct PlainBase {
  int Value = 0;
};
struct PlainDerived : virtual PlainBase {
  PlainDerived() {}
};
int makeVDerived() { return *VDerived().Ptr; }
// CHECK: function-effects.cpp:[[@LINE-1]]:30: warning: call to 'VDerived::VDerived' may allocate on the heap [noalloc-call]
// CHECK: function-effects.cpp:[[@LINE-12]]:3: note: 'VDerived::VDerived' constructs 'VBase'
// CHECK: function-effects.cpp:[[@LINE-19]]:17: note: 'VBase::VBase' allocates with 'new' here
int makePlainDerived() { return PlainDerived().Value; }

// A static local's initializer runs on the first call; a thread_local
// without one needs no heap (clang's analysis rejects both).
int *firstUse() {
  static int *Cache = new int(1);
// CHECK: function-effects.cpp:[[@LINE-1]]:23: warning: 'new' allocates on the heap [noalloc-new-delete]
  return Cache;
}
int counter() {
  static int N;
  return ++N;
}
thread_local int PerThread = 42;
int readPerThread() { return PerThread; }

// A coroutine frame is allocated on the heap unless the promise provides
// its own operator new (rtsan's coroutine.cpp).
struct Promise {
  std::suspend_never initial_suspend() { return {}; }
  std::suspend_never final_suspend() noexcept { return {}; }
  void unhandled_exception() {}
  void return_void() {}
};
struct Task {
  struct promise_type : Promise {
    Task get_return_object() { return {}; }
  };
};
struct alignas(std::max_align_t) Arena {
  unsigned char Bytes[1024];
};
inline Arena FrameArena;
struct PooledTask {
  struct promise_type : Promise {
    PooledTask get_return_object() { return {}; }
    static void *operator new(std::size_t) noexcept { return FrameArena.Bytes; }
    static void operator delete(void *) noexcept {}
    static PooledTask get_return_object_on_allocation_failure() { return {}; }
  };
};
Task heapCoroutine() { co_return; }
// CHECK: function-effects.cpp:[[@LINE-1]]:6: warning: coroutine 'heapCoroutine' allocates its frame on the heap [noalloc-coroutine]
PooledTask pooledCoroutine() { co_return; }
void runHeapCoroutine() { heapCoroutine(); }
// CHECK: function-effects.cpp:[[@LINE-1]]:27: warning: call to 'heapCoroutine' may allocate on the heap [noalloc-call]
// CHECK: function-effects.cpp:[[@LINE-5]]:22: note: 'heapCoroutine' allocates its coroutine frame here
void runPooledCoroutine() { pooledCoroutine(); }

// The verdicts say the same, and the lambda whose init-capture allocates
// does not allocate itself.
// JSON: "name": "builtinDelete",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "releases"
// JSON: "name": "captureNew",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "lambda at {{.*}}function-effects.cpp:[[@LINE-132]]:14",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "none"
// JSON: "name": "makeAllocatingLambda",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "none"
// JSON: "name": "defaulted",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "none"
// JSON: "name": "relyOnDefault",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "unevaluated",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "none"
// JSON: "name": "makeChecked",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "makeUnchecked",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "none"
// JSON: "name": "makeVDerived",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "firstUse",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "counter",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "none"
// JSON: "name": "runHeapCoroutine",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "runPooledCoroutine",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "none"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  void *P = nullptr;
  ORACLE_ALLOCATES("__builtin_malloc", P = builtinMalloc(8));
  ORACLE_RELEASES("__builtin_free", builtinFree(P));
  ORACLE_ALLOCATES("__builtin_operator_new", P = builtinNew(8));
  ORACLE_RELEASES("__builtin_operator_delete", builtinDelete(P));
  char To[4], From[4] = {1, 2, 3, 4};
  ORACLE_NO_HEAP("__builtin_memcpy", builtinCopy(To, From));
  int *Q = nullptr;
  ORACLE_ALLOCATES("an init-capture with new", Q = captureNew());
  ORACLE_NO_HEAP("an init-capture copying a pointer", captureCopy(Q));
  ORACLE_NO_HEAP("creating a lambda whose body allocates", makeAllocatingLambda());
  ORACLE_ALLOCATES("relying on an allocating default argument", Q = relyOnDefault());
  ORACLE_NO_HEAP("passing the argument instead", passExplicitly(Q));
  ORACLE_NO_HEAP("the function with the default argument", defaulted(Q));
  ORACLE_NO_HEAP("decltype, noexcept and sizeof of an allocating call", unevaluated());
  ORACLE_ALLOCATES("the same call evaluated", evaluated());
  ORACLE_NO_HEAP("a default member initializer that does not throw", makeChecked(1));
  ORACLE_ALLOCATES("a default member initializer that throws", makeChecked(-1));
  ORACLE_NO_HEAP("the twin without a throw", makeUnchecked(-1));
  ORACLE_ALLOCATES("a virtual base that allocates", makeVDerived());
  ORACLE_NO_HEAP("a virtual base that does not", makePlainDerived());
  ORACLE_ALLOCATES("a static local initialised with new, first call", firstUse());
  ORACLE_NO_HEAP("the same, later calls", firstUse());
  ORACLE_NO_HEAP("a static local counter", counter());
  ORACLE_NO_HEAP("a thread_local read", readPerThread());
  ORACLE_ALLOCATES("a coroutine frame", runHeapCoroutine());
  ORACLE_NO_HEAP("a coroutine frame from the promise's operator new", runPooledCoroutine());
}
#endif
