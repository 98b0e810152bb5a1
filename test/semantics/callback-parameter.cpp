// A function-pointer parameter that its function only calls or passes on
// holds what its callers pass: each caller runs the function it passes,
// where the callee calls the parameter. 'forward' passes its callback on
// to 'invoke', which calls it; 'loud' passes one that mallocs, 'quiet' one
// that only counts. Before, the call in 'invoke' reached every 'void ()'
// function whose address is taken, and 'quiet' was reported through
// 'allocate'. The same through pthread_once (the knowledge base's
// calls-argument) in a wrapper, and through a template's reference to a
// function. The propagation charges each caller with what it passes
// ('quiet' stays clean), but the own verdicts of 'invoke', 'forward',
// 'runOnce' and 'apply' count what they run through the parameter: the
// worst function a caller passes, the path naming the argument (before,
// 'none'; the oracle runs them with 'allocate'). A forwarder only ever
// passed a function that counts ('invokeQuiet') stays 'none'.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
// RUN:   --config="{CheckOptions: {Roots: 'loud;quiet;initLoud;initQuiet;applyLoud;applyQuiet'}}" \
// RUN:   %s -- -std=c++17 2>&1 | FileCheck %s --check-prefix=ROOTS --implicit-check-not='{{warning|error}}:'
// RUN: %oracle %s -- -std=c++17

#include <cstdlib>
#include <pthread.h>

static void *kept;
static int counted;
void allocate() { kept = std::malloc(16); }
// ROOTS: callback-parameter.cpp:[[@LINE-1]]:26: warning: call to 'malloc' may allocate on the heap [noalloc-call]
void count() { ++counted; }

void invoke(void (*callback)()) { callback(); }
void forward(void (*callback)()) { invoke(callback); }

void loud() { forward(allocate); }
void quiet() { forward(&count); }
// ROOTS: callback-parameter.cpp:[[@LINE-2]]:23: warning: call to 'allocate' may allocate on the heap [noalloc-call]
// ROOTS: note: 'loud' must not allocate: it is a noalloc root
// ROOTS: callback-parameter.cpp:27:26: note: 'allocate' calls 'malloc', which allocates on the heap

static pthread_once_t onceA = PTHREAD_ONCE_INIT, onceB = PTHREAD_ONCE_INIT;
void runOnce(pthread_once_t *once, void (*init)()) { pthread_once(once, init); }
void initLoud() { runOnce(&onceA, allocate); }
void initQuiet() { runOnce(&onceB, count); }
// ROOTS: callback-parameter.cpp:[[@LINE-2]]:35: warning: call to 'allocate' may allocate on the heap [noalloc-call]
// ROOTS: note: 'initLoud' must not allocate: it is a noalloc root
// ROOTS: callback-parameter.cpp:27:26: note: 'allocate' calls 'malloc', which allocates on the heap

void invokeQuiet(void (*callback)()) { callback(); }
void onlyQuiet() { invokeQuiet(count); }

template <class F> void apply(F &&f) { f(); }
void applyLoud() { apply(allocate); }
void applyQuiet() { apply(count); }
// ROOTS: callback-parameter.cpp:[[@LINE-2]]:26: warning: call to 'allocate' may allocate on the heap [noalloc-call]
// ROOTS: note: 'applyLoud' must not allocate: it is a noalloc root
// ROOTS: callback-parameter.cpp:27:26: note: 'allocate' calls 'malloc', which allocates on the heap

// CHECK: "name": "allocate",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "count",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"
// CHECK: "name": "invoke",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "forward",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "loud",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "quiet",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"
// CHECK: "name": "runOnce",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "initLoud",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "initQuiet",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"
// CHECK: "name": "invokeQuiet",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"
// CHECK: "name": "onlyQuiet",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"
// CHECK: "name": "apply<void (&)()>",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "applyLoud",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "applyQuiet",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"

// --explain says what the JSON verdict counts: the forwarder's path
// through its parameter, from the step that names the argument (before,
// 'invoke' "does not use the heap" though its verdict allocates); one
// only ever passed 'count' has none. The same from the link's shortest
// paths ('*').
// RUN: %noalloc --no-cache --checks='-*,noalloc-call' --explain=invoke %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=EXPLAIN
// EXPLAIN: 'invoke' may use the heap by 1 path:
// EXPLAIN-NEXT: path 1:
// EXPLAIN-NEXT: callback-parameter.cpp:31:35: 'invoke' calls its parameter 'callback', for which 'loud' passes 'allocate'
// EXPLAIN-NEXT: callback-parameter.cpp:27:26: 'allocate' calls 'malloc', which allocates on the heap
// RUN: %noalloc --no-cache --checks='-*,noalloc-call' --explain=invokeQuiet %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=EXPLAIN-QUIET --implicit-check-not=path
// EXPLAIN-QUIET: 'invokeQuiet' does not use the heap
// RUN: %noalloc --no-cache --checks='-*,noalloc-call' '--explain=*' %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=EXPLAIN-ALL
// EXPLAIN-ALL: 'forward' may use the heap by 1 path, the shortest:
// EXPLAIN-ALL-NEXT: path 1:
// EXPLAIN-ALL-NEXT: callback-parameter.cpp:32:43: 'forward' passes its parameter on to a call of it, for which 'loud' passes 'allocate'
// EXPLAIN-ALL-NEXT: callback-parameter.cpp:27:26: 'allocate' calls 'malloc', which allocates on the heap
// EXPLAIN-ALL: 'runOnce' may use the heap by 1 path, the shortest:
// EXPLAIN-ALL-NEXT: path 1:
// EXPLAIN-ALL-NEXT: callback-parameter.cpp:41:73: 'runOnce' calls its parameter 'init', for which 'initLoud' passes 'allocate'
// EXPLAIN-ALL: 'invokeQuiet' does not use the heap
// EXPLAIN-ALL: 'apply<void (&)()>' may use the heap by 1 path, the shortest:
// EXPLAIN-ALL-NEXT: path 1:
// EXPLAIN-ALL-NEXT: callback-parameter.cpp:51:40: 'apply<void (&)()>' calls its parameter 'f', for which 'applyLoud' passes 'allocate'

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  ORACLE_ALLOCATES("a callback passed on that mallocs", loud());
  std::free(kept);
  ORACLE_NO_HEAP("a callback passed on that counts", quiet());
  ORACLE_ALLOCATES("pthread_once in a wrapper, a routine that mallocs", initLoud());
  std::free(kept);
  ORACLE_NO_HEAP("pthread_once in a wrapper, a routine that counts", initQuiet());
  ORACLE_ALLOCATES("a template's reference to a function that mallocs", applyLoud());
  std::free(kept);
  ORACLE_NO_HEAP("a template's reference to a function that counts", applyQuiet());
  ORACLE_ALLOCATES("the forwarder itself, given the function that mallocs",
                   invoke(allocate));
  std::free(kept);
  ORACLE_ALLOCATES("the forwarder passing it on", forward(allocate));
  std::free(kept);
  ORACLE_ALLOCATES("the template, given the function that mallocs",
                   apply(allocate));
  std::free(kept);
  ORACLE_NO_HEAP("a forwarder only ever given a function that counts",
                 invokeQuiet(count));
}
#endif
