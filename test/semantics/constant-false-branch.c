// A branch of an 'if' whose condition is an integer constant that does not
// take it never runs: clang's code generator does not emit it
// (ConstantFoldsToSimpleInteger), unless it holds a label a jump can reach.
// noalloc-call does not follow the calls there, and the direct checks do
// not report them. The twins: a condition that is not constant, a
// constant-true condition (its else branch is dropped), a dropped branch
// with a label.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call,noalloc-c-allocation' \
// RUN:   --config="{CheckOptions: {Roots: 'tick;tick2;toggled;taken;jumped'}}" %s -- \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %oracle %s --

#include <stdlib.h>
#include <string.h>

/* Zephyr/Linux-style configuration switches: compiled, never executed. */
#define CONFIG_TRACE_ALLOC 0
#define IS_ENABLED(x) (x)

// CHECK: constant-false-branch.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'strdup' allocates on the heap [noalloc-c-allocation]
static char *trace_copy(const char *s) { return strdup(s); }
static int counter;
int trace_enabled;

void tick(const char *tag) {
  if (IS_ENABLED(CONFIG_TRACE_ALLOC))
    free(trace_copy(tag));
  counter++;
}
void tick2(void) {
  if (sizeof(long) == 2) { /* constant false on this target */
    void *p = malloc(4);
    free(p);
  }
  counter++;
}

void toggled(const char *tag) {
  if (trace_enabled)
    // CHECK: constant-false-branch.c:[[@LINE+2]]:{{[0-9]+}}: warning: call to 'free' releases heap memory [noalloc-c-allocation]
    // CHECK: constant-false-branch.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'trace_copy' may allocate on the heap [noalloc-call]
    free(trace_copy(tag));
  counter++;
}

void *taken(void) {
  if (sizeof(long) >= 4)
    // CHECK: constant-false-branch.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'malloc' allocates on the heap [noalloc-c-allocation]
    return malloc(4);
  else
    return trace_copy("never");
}

void jumped(int again) {
  void *p = 0;
  if (again)
    goto retry;
  if (0) {
  retry:
    // CHECK: constant-false-branch.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'malloc' allocates on the heap [noalloc-c-allocation]
    p = malloc(4);
  }
  // CHECK: constant-false-branch.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'free' releases heap memory [noalloc-c-allocation]
  free(p);
}

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  ORACLE_NO_HEAP("tick", tick("x"));
  ORACLE_NO_HEAP("tick2", tick2());
  trace_enabled = 1;
  ORACLE_ALLOCATES("toggled", toggled("x"));
  ORACLE_ALLOCATES("taken", free(taken()));
  ORACLE_ALLOCATES("jumped", jumped(1));
}
#endif
