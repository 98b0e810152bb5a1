// Calls through a table of function pointers that a constexpr variable
// holds, computed at compile time in library code (an -isystem header):
// a local, a static member, a lambda converted to a pointer, and
// std::visit, which libc++ dispatches through such a table. The calls
// reach what the table holds: the loud visitors allocate, the quiet twins
// do not, with libstdc++ and libc++. FailurePaths: accept leaves out
// std::bad_variant_access.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++20 -isystem %S/Inputs \
// RUN:   | FileCheck %s
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++20 -isystem %S/Inputs -stdlib=libc++ \
// RUN:   | FileCheck %s
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
// RUN:   --config="{CheckOptions: {Roots: 'loud*;quiet*', FailurePaths: accept}}" \
// RUN:   %s -- -std=c++20 -isystem %S/Inputs -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefix=ROOTS --implicit-check-not='{{warning|error}}:'
// RUN: %oracle %s -- -std=c++20 -isystem %S/Inputs

#include <constexpr-dispatch.h>
#include <cstdlib>
#include <variant>

struct Loud {
  void operator()(int) const { std::free(std::malloc(8)); }
  void operator()(double) const {}
};
struct Quiet {
  void operator()(int) const {}
  void operator()(double) const {}
};
struct Noisy {};
struct Silent {};

void loudLocal(int I) { visitLocal(Loud{}, I); }
void quietLocal(int I) { visitLocal(Quiet{}, I); }
void loudMember(int I) { visitMember(Loud{}, I); }
void quietMember(int I) { visitMember(Quiet{}, I); }
void loudConverted() {
  callConverted<decltype([](Noisy) { std::free(std::malloc(8)); })>(Noisy{});
}
void quietConverted() { callConverted<decltype([](Silent) {})>(Silent{}); }
void loudVisit(const std::variant<int, double> &V) { std::visit(Loud{}, V); }
void quietVisit(const std::variant<int, double> &V) { std::visit(Quiet{}, V); }

// CHECK: "name": "loudLocal",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "quietLocal",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"
// CHECK: "name": "loudMember",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "quietMember",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"
// CHECK: "name": "loudConverted",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "quietConverted",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"
// CHECK: "name": "loudVisit",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "quietVisit",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates-on-failure"

// ROOTS: constexpr-dispatch.cpp:23:42: warning: call to 'malloc' may allocate on the heap [noalloc-call]
// ROOTS: constexpr-dispatch.cpp:33:25: warning: call to 'visitLocal<Loud>' may allocate on the heap [noalloc-call]
// ROOTS: constexpr-dispatch.cpp:35:26: warning: call to 'visitMember<Loud>' may allocate on the heap [noalloc-call]
// ROOTS: constexpr-dispatch.cpp:38:3: warning: call to 'callConverted<(lambda at constexpr-dispatch.cpp:38:26), Noisy>' may allocate on the heap [noalloc-call]
// ROOTS: constexpr-dispatch.cpp:38:48: warning: call to 'malloc' may allocate on the heap [noalloc-call]
// ROOTS: constexpr-dispatch.cpp:41:54: warning: call to 'std::visit<Loud, const std::variant<int, double> &, void>' may allocate on the heap [noalloc-call]

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  std::variant<int, double> V = 1;
  ORACLE_ALLOCATES("a local constexpr table", loudLocal(0));
  ORACLE_NO_HEAP("a local constexpr table, quiet", quietLocal(0));
  ORACLE_ALLOCATES("a static constexpr member table", loudMember(1));
  ORACLE_NO_HEAP("a static constexpr member table, quiet", quietMember(1));
  ORACLE_ALLOCATES("a lambda converted at compile time", loudConverted());
  ORACLE_NO_HEAP("a lambda converted at compile time, quiet", quietConverted());
  ORACLE_ALLOCATES("std::visit", loudVisit(V));
  ORACLE_NO_HEAP("std::visit, quiet", quietVisit(V));
}
#endif
