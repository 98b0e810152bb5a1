// A function passed to a parameter that goes nowhere else does not escape
// (review9 #6, Lua's 'g->panic'): 'loud' is given to functions that ignore
// it, test it, call it or pass it on to one of those, and 'G.panic', set
// only to 'quiet' through 'setPanic', may not be 'loud': 'panicTick' is
// clean. Before, any function passed as an argument could be in every
// followed pointer of its type. Twins: calling the parameter still runs
// what is passed ('runTick'), and a parameter cast to data escapes
// ('stash' writes it into a union, through 'forwardStash'): the union's
// function member may be 'louder' ('slotTick'). Every label is the
// oracle's.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %oracle %s --

#include <stdlib.h>

#define ROOT __attribute__((annotate("noalloc")))

typedef int (*Handler)(void *);
struct Global { Handler panic; };
static struct Global G;

static int quiet(void *ud) { (void)ud; return 0; }
static int loud(void *ud) {
  free(malloc(1));
  // CHECK: ignored-parameter.c:[[@LINE-1]]:8: warning: call to 'malloc' may allocate on the heap [noalloc-call]
  (void)ud;
  return 0;
}
static void setPanic(Handler f) { G.panic = f; }
static void ignore(Handler f) { (void)f; }
static int given(Handler f) { return f != 0 && !f ? 1 : 0; }
static int run(Handler f, void *ud) { return f ? f(ud) : 0; }
static void forward(Handler f) { ignore(f); }

ROOT int panicTick(void) { return G.panic ? G.panic(0) : -1; }
ROOT int runTick(void) { return run(loud, 0); }
// CHECK: ignored-parameter.c:[[@LINE-1]]:37: warning: call to 'loud' may allocate on the heap [noalloc-call]

// The twin: a parameter cast to data.
typedef int (*Counter)(int);
union Slot { void *data; Counter fn; };
static union Slot U;
static int louder(int n) {
  free(malloc((size_t)n));
  // CHECK: ignored-parameter.c:[[@LINE-1]]:8: warning: call to 'malloc' may allocate on the heap [noalloc-call]
  return n;
}
static void stash(Counter f) { U.data = (void *)f; }
static void forwardStash(Counter f) { stash(f); }
ROOT int slotTick(void) { return U.fn ? U.fn(1) : -1; }
// CHECK: ignored-parameter.c:[[@LINE-1]]:41: warning: call through 'U.fn' may allocate on the heap [noalloc-call]

// CHECK-DAG: noalloc: root 'panicTick' does not use the heap
// CHECK-DAG: noalloc: root 'runTick' may allocate
// CHECK-DAG: noalloc: root 'slotTick' may allocate

// The program's set-up, which the oracle runs too.
void setup(void) {
  setPanic(quiet);
  ignore(loud);
  (void)given(loud);
  forward(loud);
  forwardStash(louder);
}
#ifndef NOALLOC_ORACLE
int main(void) {
  setup();
  return panicTick() + runTick() + slotTick();
}
#endif

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  setup();
  ORACLE_NO_HEAP("panicTick: 'G.panic' is 'quiet'", panicTick());
  ORACLE_ALLOCATES("runTick: 'run' calls 'loud'", runTick());
  ORACLE_ALLOCATES("slotTick: 'U.fn' is 'louder'", slotTick());
}
#endif
