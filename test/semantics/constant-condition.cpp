// C++ twin of constant-condition.c: a constant condition (a constexpr
// variable, a constant expression) keeps the arm of '?:' it does not
// select, the right operand of '&&' or '||' it decides and the body of a
// 'while' or 'for' it makes false from running; an assumption
// ([[assume(expr)]]) is never evaluated. noalloc-call does not follow the
// calls there, and the direct checks do not report them. Each has a twin
// that runs and is reported.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call,noalloc-new-delete,noalloc-std-type' \
// RUN:   --config="{CheckOptions: {Roots: 'pick;pick_live;both;both_live;either;either_live;spin;spin_live;assumed;assumed_live'}}" %s -- -std=c++23 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %oracle %s -- -std=c++23

#include <cstddef>
#include <string>

#define LONG_TEXT "a string longer than any small-string buffer"

constexpr bool kTrace = false;
// CHECK: constant-condition.cpp:[[@LINE+1]]:{{[0-9]+}}: warning: construction of 'std::string' {{.*}}[noalloc-std-type]
std::size_t traced(const char *Tag) { return std::string(Tag).size(); }
int *Last;
bool LiveFlag;
std::size_t Counter;

std::size_t pick(const char *Tag) {
  return (kTrace ? traced(Tag) : 0) + (kTrace ? std::string(Tag).size() : 0);
}
std::size_t pick_live(const char *Tag) {
  // CHECK: constant-condition.cpp:[[@LINE+2]]:{{[0-9]+}}: warning: call to 'traced' may allocate on the heap [noalloc-call]
  // CHECK: constant-condition.cpp:[[@LINE+1]]:{{[0-9]+}}: warning: construction of 'std::string' {{.*}}[noalloc-std-type]
  return (!kTrace ? traced(Tag) : 0) + (!kTrace ? std::string(Tag).size() : 0);
}

bool both(const char *Tag) {
  return (kTrace && traced(Tag)) || (kTrace && (Last = new int(1)));
}
bool both_live(const char *Tag) {
  // CHECK: constant-condition.cpp:[[@LINE+2]]:{{[0-9]+}}: warning: call to 'traced' may allocate on the heap [noalloc-call]
  // CHECK: constant-condition.cpp:[[@LINE+1]]:{{[0-9]+}}: warning: 'new' allocates on the heap [noalloc-new-delete]
  return (LiveFlag && traced(Tag)) + (LiveFlag && (Last = new int(1)));
}

bool either(const char *Tag) {
  return (!kTrace || traced(Tag)) && (!kTrace || (Last = new int(1)));
}
bool either_live(const char *Tag) {
  // CHECK: constant-condition.cpp:[[@LINE+2]]:{{[0-9]+}}: warning: call to 'traced' may allocate on the heap [noalloc-call]
  // CHECK: constant-condition.cpp:[[@LINE+1]]:{{[0-9]+}}: warning: 'new' allocates on the heap [noalloc-new-delete]
  return (kTrace || traced(Tag)) + (kTrace || (Last = new int(1)));
}

void spin(const char *Tag) {
  while (kTrace)
    Counter += traced(Tag);
  for (std::size_t I = 0; kTrace && I < 4; I += traced(Tag))
    Counter += std::string(LONG_TEXT).size();
}
void spin_live(const char *Tag) {
  for (std::size_t I = 0; I < 1; ++I) {
    // CHECK: constant-condition.cpp:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'traced' may allocate on the heap [noalloc-call]
    Counter += traced(Tag);
    // CHECK: constant-condition.cpp:[[@LINE+1]]:{{[0-9]+}}: warning: construction of 'std::string' {{.*}}[noalloc-std-type]
    Counter += std::string(LONG_TEXT).size();
  }
}

void assumed(const char *Tag) {
  [[assume(traced(Tag) > 0)]];
  [[assume(std::string(LONG_TEXT).size() > 8)]];
  [[assume((Last = new int(1)) != nullptr)]];
  ++Counter;
}
void assumed_live(const char *Tag) {
  // CHECK: constant-condition.cpp:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'traced' may allocate on the heap [noalloc-call]
  Counter += traced(Tag);
  // CHECK: constant-condition.cpp:[[@LINE+1]]:{{[0-9]+}}: warning: construction of 'std::string' {{.*}}[noalloc-std-type]
  Counter += std::string(LONG_TEXT).size();
}

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  ORACLE_NO_HEAP("pick", pick(LONG_TEXT));
  ORACLE_ALLOCATES("pick_live", pick_live(LONG_TEXT));
  ORACLE_NO_HEAP("both", both(LONG_TEXT));
  LiveFlag = true;
  ORACLE_ALLOCATES("both_live", (both_live(LONG_TEXT), delete Last));
  ORACLE_NO_HEAP("either", either(LONG_TEXT));
  ORACLE_ALLOCATES("either_live", (either_live(LONG_TEXT), delete Last));
  ORACLE_NO_HEAP("spin", spin(LONG_TEXT));
  ORACLE_ALLOCATES("spin_live", spin_live(LONG_TEXT));
  ORACLE_NO_HEAP("assumed", assumed(LONG_TEXT));
  ORACLE_ALLOCATES("assumed_live", assumed_live(LONG_TEXT));
}
#endif
