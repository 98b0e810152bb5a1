// Beyond 'if' (constant-false-branch.c), a constant condition keeps code
// from running: the arm of '?:' it does not select, the right operand of
// '&&' when the left folds to false and of '||' when it folds to true (clang's
// code generator emits neither, ConstantFoldsToSimpleInteger), and the body
// of a 'while' or 'for' whose condition folds to false (and the for loop's
// increment). An assumption (__attribute__((assume(expr)))) is never
// evaluated. noalloc-call does not follow the calls there, and the direct
// checks do not report them. The twins: the arm or operand the constant
// selects, a condition that is not constant, a loop body entered by a label.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call,noalloc-c-allocation' \
// RUN:   --config="{CheckOptions: {Roots: 'pick;pick_direct;pick_live;pick_live_direct;both;both_direct;both_live;both_live_direct;either;either_direct;either_live;either_live_direct;spin;spin_for;spin_direct;spin_live;spin_jumped;assumed;assumed_live'}}" %s -- \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %oracle %s --

#include <stdlib.h>
#include <string.h>

#define CONFIG_TRACE_ALLOC 0
#define IS_ENABLED(x) (x)

// CHECK: constant-condition.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'strdup' allocates on the heap [noalloc-c-allocation]
static char *trace_copy(const char *s) { return strdup(s); }
static char *last;
static int counter;
int live_flag;

char *pick(const char *tag) {
  return IS_ENABLED(CONFIG_TRACE_ALLOC) ? trace_copy(tag) : 0;
}
char *pick_direct(const char *tag) {
  return IS_ENABLED(CONFIG_TRACE_ALLOC) ? strdup(tag) : 0;
}
char *pick_live(const char *tag) {
  // CHECK: constant-condition.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'trace_copy' may allocate on the heap [noalloc-call]
  return sizeof(long) >= 4 ? trace_copy(tag) : 0;
}
char *pick_live_direct(const char *tag) {
  // CHECK: constant-condition.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'strdup' allocates on the heap [noalloc-c-allocation]
  return sizeof(long) >= 4 ? strdup(tag) : 0;
}

int both(const char *tag) {
  return IS_ENABLED(CONFIG_TRACE_ALLOC) && (last = trace_copy(tag)) != 0;
}
int both_direct(const char *tag) {
  return IS_ENABLED(CONFIG_TRACE_ALLOC) && (last = strdup(tag)) != 0;
}
int both_live(const char *tag) {
  // CHECK: constant-condition.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'trace_copy' may allocate on the heap [noalloc-call]
  return !IS_ENABLED(CONFIG_TRACE_ALLOC) && (last = trace_copy(tag)) != 0;
}
int both_live_direct(const char *tag) {
  // CHECK: constant-condition.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'strdup' allocates on the heap [noalloc-c-allocation]
  return live_flag && (last = strdup(tag)) != 0;
}

int either(const char *tag) {
  return !IS_ENABLED(CONFIG_TRACE_ALLOC) || (last = trace_copy(tag)) != 0;
}
int either_direct(const char *tag) {
  return !IS_ENABLED(CONFIG_TRACE_ALLOC) || (last = strdup(tag)) != 0;
}
int either_live(const char *tag) {
  // CHECK: constant-condition.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'trace_copy' may allocate on the heap [noalloc-call]
  return IS_ENABLED(CONFIG_TRACE_ALLOC) || (last = trace_copy(tag)) != 0;
}
int either_live_direct(const char *tag) {
  // CHECK: constant-condition.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'strdup' allocates on the heap [noalloc-c-allocation]
  return live_flag || (last = strdup(tag)) != 0;
}

void spin(const char *tag) {
  while (IS_ENABLED(CONFIG_TRACE_ALLOC))
    free(trace_copy(tag));
  counter++;
}
void spin_for(const char *tag) {
  for (counter = 0; sizeof(long) == 2; free(trace_copy(tag)))
    free(trace_copy(tag));
  counter++;
}
void spin_direct(const char *tag) {
  while (0)
    free(strdup(tag));
  for (; 0; free(strdup(tag)))
    free(strdup(tag));
  counter++;
}
void spin_live(const char *tag) {
  while (live_flag) {
    // CHECK: constant-condition.c:[[@LINE+2]]:{{[0-9]+}}: warning: call to 'free' releases heap memory [noalloc-c-allocation]
    // CHECK: constant-condition.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'trace_copy' may allocate on the heap [noalloc-call]
    free(trace_copy(tag));
    live_flag = 0;
  }
}
void spin_jumped(int again) {
  void *p = 0;
  if (again)
    goto retry;
  while (0) {
  retry:
    // CHECK: constant-condition.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'malloc' allocates on the heap [noalloc-c-allocation]
    p = malloc(4);
    break;
  }
  // CHECK: constant-condition.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'free' releases heap memory [noalloc-c-allocation]
  free(p);
}

void assumed(const char *tag) {
  __attribute__((assume(trace_copy(tag) != 0)));
  __attribute__((assume(strdup(tag) != 0)));
  counter++;
}
void assumed_live(const char *tag) {
  // CHECK: constant-condition.c:[[@LINE+2]]:{{[0-9]+}}: warning: call to 'free' releases heap memory [noalloc-c-allocation]
  // CHECK: constant-condition.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'trace_copy' may allocate on the heap [noalloc-call]
  free(trace_copy(tag));
  counter++;
}

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  ORACLE_NO_HEAP("pick", pick("x"));
  ORACLE_NO_HEAP("pick_direct", pick_direct("x"));
  ORACLE_ALLOCATES("pick_live", free(pick_live("x")));
  ORACLE_ALLOCATES("pick_live_direct", free(pick_live_direct("x")));
  ORACLE_NO_HEAP("both", both("x"));
  ORACLE_NO_HEAP("both_direct", both_direct("x"));
  ORACLE_ALLOCATES("both_live", (both_live("x"), free(last)));
  live_flag = 1;
  ORACLE_ALLOCATES("both_live_direct", (both_live_direct("x"), free(last)));
  live_flag = 0;
  ORACLE_NO_HEAP("either", either("x"));
  ORACLE_NO_HEAP("either_direct", either_direct("x"));
  ORACLE_ALLOCATES("either_live", (either_live("x"), free(last)));
  ORACLE_ALLOCATES("either_live_direct", (either_live_direct("x"), free(last)));
  ORACLE_NO_HEAP("spin", spin("x"));
  ORACLE_NO_HEAP("spin_for", spin_for("x"));
  ORACLE_NO_HEAP("spin_direct", spin_direct("x"));
  live_flag = 1;
  ORACLE_ALLOCATES("spin_live", spin_live("x"));
  ORACLE_ALLOCATES("spin_jumped", spin_jumped(1));
  ORACLE_NO_HEAP("assumed", assumed("x"));
  ORACLE_ALLOCATES("assumed_live", assumed_live("x"));
}
#endif
