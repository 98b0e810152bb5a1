// A call through a followed pointer that the whole program only ever sets
// to null (a default member initializer '{}' or '= nullptr', one of a
// template that no analysed code instantiates as in entt::delegate) runs no
// function of the program: 'idle' and 'fire' are clean. Their twins: the
// field 'error', and 'fn' of 'Delegate<long>', into which another unit
// (Inputs/null-members-arm.cpp) stores an allocating function, allocate;
// 'sink', whose address goes to 'attach', which no analysed file defines,
// may hold anything: unknown, never clean. Without the other unit, 'error'
// and 'Delegate<long>::fn' are null only, and clean. Every label is the
// oracle's; every function is a root.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s %S/Inputs/null-members-arm.cpp -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=CALL --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s %S/Inputs/null-members-arm.cpp -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=ALONE
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --config="{CheckOptions: {Policy: strict}}" --format=json %s %S/Inputs/null-members-arm.cpp -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=STRICT
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --config="{CheckOptions: {Policy: strict}}" --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=STRICT
// RUN: %oracle %s -- -std=c++17 %S/Inputs/null-members-arm.cpp

#include "Inputs/null-members.h"
#include <algorithm>

#define ROOT [[clang::annotate("noalloc")]]

void setup(Hooks &h) { attach(&h.sink); }

ROOT int idle(Hooks &h, int x) { return h.idle ? h.idle(x) : x; }
ROOT int fail(Hooks &h, int x) { return h.error ? h.error(x) : x; }
ROOT void drain(Hooks &h, int *p) {
  if (h.sink)
    h.sink(p);
}
ROOT int fire(const Delegate<int> &d, int x) { return d(x); }
ROOT long fireLong(const Delegate<long> &d, long x) { return d(x); }
// Library code that calls it is summarised by this unit alone, which cannot
// tell that 'error' is null only: its summary is unknown, with the other
// unit or not, and under Policy: strict 'failAll' allocates. (The lenient
// policy counts a library summary's unknown as allocation-free.)
ROOT void failAll(Hooks *b, Hooks *e) {
  std::for_each(b, e, [](Hooks &h) { fail(h, 1); });
}

// CALL: null-members-arm.cpp:9:32: warning: call to 'loud' may allocate on the heap [noalloc-call]
// CALL: null-members.cpp:37:11: note: 'fireLong' must not allocate: it is a noalloc root
// CALL: null-members.h:20:41: warning: call through 'fn' may allocate on the heap [noalloc-call]
// CALL: null-members-arm.cpp:9:6: note: 'fn' may be 'loudLong', which is stored into it
// CALL: null-members.cpp:31:51: warning: call through 'h.error' may allocate on the heap [noalloc-call]
// CALL: null-members-arm.cpp:3:5: note: 'h.error' may be 'loud', which is stored into it
// CALL: null-members-arm.cpp:4:12: note: 'loud' allocates with 'new' here
// CALL: null-members.cpp:34:5: warning: cannot show that 'drain' is allocation-free: 'drain' calls through function pointer 'h.sink' whose targets noalloc cannot see [noalloc-call]
// CALL: null-members.cpp:37:62: warning: call to 'Delegate<long>::operator()' may allocate on the heap [noalloc-call]

// JSON: "name": "idle",
// JSON: "verdict": "none"
// JSON: "name": "fail",
// JSON: "verdict": "allocates"
// JSON: "name": "drain",
// JSON: "verdict": "unknown"
// JSON: "name": "fire",
// JSON: "verdict": "none"
// JSON: "name": "fireLong",
// JSON: "verdict": "allocates"

// ALONE: "name": "idle",
// ALONE: "verdict": "none"
// ALONE: "name": "fail",
// ALONE: "verdict": "none"
// ALONE: "name": "drain",
// ALONE: "verdict": "unknown"
// ALONE: "name": "fire",
// ALONE: "verdict": "none"
// ALONE: "name": "fireLong",
// ALONE: "verdict": "none"

// STRICT: "name": "idle",
// STRICT: "verdict": "none"
// STRICT: "name": "fire",
// STRICT: "verdict": "none"
// STRICT: "name": "failAll",
// STRICT: "verdict": "allocates"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
static void grab(int *p) { delete new int(*p); }
void attach(Sink *slot) { *slot = grab; }
ORACLE_MAIN {
  Hooks h;
  Delegate<int> di;
  Delegate<long> dl;
  int v = 1;
  setup(h);
  arm(h, dl);
  ORACLE_NO_HEAP("idle: 'h.idle' is only ever null", idle(h, 1));
  ORACLE_NO_HEAP("fire: 'Delegate<int>::fn' is only ever null", fire(di, 1));
  ORACLE_ALLOCATES("fail: 'loud', stored into 'h.error' by arm", fail(h, 1));
  ORACLE_ALLOCATES("fireLong: 'loudLong', stored by arm", fireLong(dl, 1));
  ORACLE_ALLOCATES("drain: 'grab', stored by attach, unseen", drain(h, &v));
  ORACLE_ALLOCATES("failAll: 'loud', through std::for_each", failAll(&h, &h + 1));
}
#endif
