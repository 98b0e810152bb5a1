// clang checks a conversion to a pointer of [[clang::nonallocating]] type
// only under -Wfunction-effects, which is off by default. So each function
// user code converts to such a type is checked as a root, and a call
// through such a pointer runs what it may hold among those (review8-10:
// 'loud' stored into a timer's nonallocating slot made 'rtTick' allocate,
// and the run was clean: the call trusted the type and reached nothing).
// The twins: 'quiet', converted too, is a clean root, and 'rtTick' is clean
// while the slot holds it; 'plain', which allocates and is never
// converted, is no root, and no root reaches it. Every label is the
// oracle's.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++20 \
// RUN:   | FileCheck %s
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --config="{CheckOptions: {Roots: 'rtTick'}}" %s -- -std=c++20 2>&1 \
// RUN:   | FileCheck %s --check-prefix=WARN --implicit-check-not='{{warning|error}}:'
// RUN: %oracle %s -- -std=c++20
// CHECK: "name": "loud",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "quiet",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"
// CHECK: "name": "plain",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "rtTick",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"

#include <cstdlib>

using Safe = void (*)(int) [[clang::nonallocating]];

static void *last;
void loud(int n) {
  std::free(last);
  last = std::malloc(n);
}
// WARN: nonallocating-conversion.cpp:[[@LINE-2]]:10: warning: call to 'malloc' may allocate on the heap [noalloc-call]
void quiet(int) {}
void plain(int n) { std::free(std::malloc(n)); }

struct Timer {
  Safe cb = quiet;
  void fire(int n) { cb(n); }
  // WARN: nonallocating-conversion.cpp:[[@LINE-1]]:22: warning: call through 'cb' may allocate on the heap [noalloc-call]
};
static Timer timer;
void arm() { timer.cb = static_cast<Safe>(&loud); }
void rtTick(int n) { timer.fire(n); }
// WARN: nonallocating-conversion.cpp:[[@LINE-1]]:28: warning: call to 'Timer::fire' may allocate on the heap [noalloc-call]
// WARN: noalloc: root 'loud' may allocate: 'loud' calls 'malloc'
// WARN: noalloc: root 'rtTick' may allocate: 'rtTick' -> 'Timer::fire' -> 'loud' calls 'malloc'
// WARN: noalloc: root 'quiet' does not use the heap

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  ORACLE_NO_HEAP("rtTick: 'quiet'", rtTick(16));
  ORACLE_NO_HEAP("quiet", quiet(16));
  ORACLE_ALLOCATES("plain", plain(16));
  arm();
  ORACLE_ALLOCATES("rtTick: 'loud' stored", rtTick(16));
  ORACLE_ALLOCATES("loud", loud(16));
}
#endif
