// A switch on a constant jumps to one case: the statements before it and
// those after the first 'break' or 'return' that follows it never run
// (with no matching case and no default, the whole body). GNU 'A ?: B'
// never runs B when A folds to true. noalloc-call does not follow the calls
// there, and the direct checks do not report them. The twins: the case the
// constant selects and the one it falls through to, a switch that is not on
// a constant, a case label inside a loop (Duff's device) and a label a goto
// jumps to, which both enter other statements of the body.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call,noalloc-c-allocation' \
// RUN:   --config="{CheckOptions: {Roots: 'route;route_direct;route_fall;route_live;route_default;route_none;route_duff;route_label;gnu;gnu_live'}}" %s -- \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %oracle %s --

#include <stdlib.h>
#include <string.h>

#define CONFIG_BACKEND 2
#define CONFIG_TRACE_LEVEL 3

// CHECK: constant-switch.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'strdup' allocates on the heap [noalloc-c-allocation]
static char *trace_copy(const char *s) { return strdup(s); }
static char *last;
static int counter;
int live_flag;

void route(const char *tag) {
  switch (CONFIG_BACKEND) {
  case 1:
    last = trace_copy(tag);
    break;
  case 2:
    counter++;
    break;
  case 3:
    last = trace_copy(tag);
    break;
  default:
    last = trace_copy(tag);
  }
}
void route_direct(const char *tag) {
  switch (CONFIG_BACKEND) {
  case 1:
    last = strdup(tag);
    return;
  case 2:
    counter++;
    return;
  default:
    last = malloc(4);
  }
}
void route_fall(const char *tag) {
  switch (CONFIG_BACKEND) {
  case 1:
    last = trace_copy(tag);
    break;
  case 2:
    counter++;
  case 3:
    // CHECK: constant-switch.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'trace_copy' may allocate on the heap [noalloc-call]
    last = trace_copy(tag);
    break;
  }
}
void route_live(int backend, const char *tag) {
  switch (backend) {
  case 1:
    // CHECK: constant-switch.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'trace_copy' may allocate on the heap [noalloc-call]
    last = trace_copy(tag);
    break;
  case 2:
    counter++;
    break;
  }
}
void route_default(const char *tag) {
  switch (CONFIG_BACKEND + 5) {
  case 1 ... 3:
    last = trace_copy(tag);
    break;
  default:
    // CHECK: constant-switch.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'strdup' allocates on the heap [noalloc-c-allocation]
    last = strdup(tag);
  }
}
void route_none(const char *tag) {
  switch (CONFIG_BACKEND + 5) {
  case 1:
    last = trace_copy(tag);
    break;
  case 2:
    last = strdup(tag);
  }
}
void route_duff(const char *tag) {
  int n = 0;
  switch (CONFIG_BACKEND) {
  case 1:
    do {
      free(last);
      // CHECK: constant-switch.c:[[@LINE-1]]:{{[0-9]+}}: warning: call to 'free' releases heap memory [noalloc-c-allocation]
      // CHECK: constant-switch.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'trace_copy' may allocate on the heap [noalloc-call]
      last = trace_copy(tag);
    case 2:
      n++;
    } while (n < 2);
  }
}
void route_label(int again, const char *tag) {
  switch (CONFIG_BACKEND) {
  case 1:
  retry:
    // CHECK: constant-switch.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'trace_copy' may allocate on the heap [noalloc-call]
    last = trace_copy(tag);
    break;
  case 2:
    if (again--)
      goto retry;
    break;
  }
}

static int copy_length(const char *s) {
  // CHECK: constant-switch.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'strdup' allocates on the heap [noalloc-c-allocation]
  char *c = strdup(s);
  int n = (int)strlen(c);
  // CHECK: constant-switch.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'free' releases heap memory [noalloc-c-allocation]
  free(c);
  return n;
}
int gnu(const char *tag) { return CONFIG_TRACE_LEVEL ?: copy_length(tag); }
int gnu_live(const char *tag) {
  // CHECK: constant-switch.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'copy_length' may allocate on the heap [noalloc-call]
  return (CONFIG_TRACE_LEVEL - 3) ?: copy_length(tag);
}

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  ORACLE_NO_HEAP("route", route("x"));
  ORACLE_NO_HEAP("route_direct", route_direct("x"));
  ORACLE_ALLOCATES("route_fall", (route_fall("x"), free(last)));
  ORACLE_ALLOCATES("route_live", (route_live(1, "x"), free(last)));
  ORACLE_ALLOCATES("route_default", (route_default("x"), free(last)));
  ORACLE_NO_HEAP("route_none", route_none("x"));
  last = 0;
  ORACLE_ALLOCATES("route_duff", (route_duff("x"), free(last)));
  ORACLE_ALLOCATES("route_label", (route_label(1, "x"), free(last)));
  ORACLE_NO_HEAP("gnu", gnu("x"));
  ORACLE_ALLOCATES("gnu_live", gnu_live("x"));
}
#endif
