// A followed pointer's value given to a parameter that goes nowhere else is
// not copied (Lua's 'g->panic', beside its luaL_Reg loops): 'Reg.fn' holds
// 'loud', and each entry is given to 'run', which calls it, or to
// 'forward', which passes it on to 'run'. 'G.panic', set only to 'quiet',
// may not be 'loud': 'panicTick' is clean. Before, reading 'r->fn' as an
// argument made every function stored into 'Reg.fn' a possible value of
// every followed pointer of its type, and 'run' could call any function of
// its type whose address is taken. Now each caller runs what its pointer
// holds, where it passes it: a table of quiet functions given to 'run' is
// clean ('quietTick', was 'may allocate'). Twins: running the table of
// 'loud' still runs it ('runTick'), and a table entry given to a parameter
// that is cast to data escapes ('stash' writes it into a union, through
// 'forwardStash'): the union's function member may be 'louder'
// ('slotTick'). Every label is the oracle's.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %oracle %s --

#include <stdlib.h>

#define ROOT __attribute__((annotate("noalloc")))

typedef int (*Handler)(void *);
struct Global { Handler panic; };
static struct Global G;
struct Reg { const char *name; Handler fn; };

static int quiet(void *ud) { (void)ud; return 0; }
static int loud(void *ud) {
  free(malloc(1));
  // CHECK: passed-pointer.c:[[@LINE-1]]:8: warning: call to 'malloc' may allocate on the heap [noalloc-call]
  (void)ud;
  return 0;
}
static const struct Reg Library[] = {{"loud", loud}, {0, 0}};

static void setPanic(Handler f) { G.panic = f; }
static int run(Handler f, void *ud) { return f ? f(ud) : 0; }
static int forward(Handler f) { return run(f, 0); }

ROOT int panicTick(void) { return G.panic ? G.panic(0) : -1; }
ROOT int runTick(void) {
  int n = 0;
  for (const struct Reg *r = Library; r->name; ++r)
    n += run(r->fn, 0);
  // CHECK: passed-pointer.c:[[@LINE-1]]:14: warning: call through 'r->fn' may allocate on the heap [noalloc-call]
  return n;
}
// Each caller runs what it passes: a table of quiet functions given to the
// same 'run' uses no heap (a table of its own type: a field holds what is
// stored into it in any object).
struct QuietReg { const char *name; Handler fn; };
static const struct QuietReg Quiet[] = {{"quiet", quiet}, {0, 0}};
ROOT int quietTick(void) {
  int n = 0;
  for (const struct QuietReg *r = Quiet; r->name; ++r)
    n += run(r->fn, 0);
  return n;
}

// The twin: a table entry cast to data.
typedef int (*Counter)(int);
union Slot { void *data; Counter fn; };
static union Slot U;
struct Count { const char *name; Counter fn; };
static int louder(int n) {
  free(malloc((size_t)n));
  // CHECK: passed-pointer.c:[[@LINE-1]]:8: warning: call to 'malloc' may allocate on the heap [noalloc-call]
  return n;
}
static const struct Count Counters[] = {{"louder", louder}, {0, 0}};
static void stash(Counter f) { U.data = (void *)f; }
static void forwardStash(Counter f) { stash(f); }
ROOT int slotTick(void) { return U.fn ? U.fn(1) : -1; }
// CHECK: passed-pointer.c:[[@LINE-1]]:41: warning: call through 'U.fn' may allocate on the heap [noalloc-call]

// CHECK-DAG: noalloc: root 'panicTick' does not use the heap
// CHECK-DAG: noalloc: root 'runTick' may allocate
// CHECK-DAG: noalloc: root 'quietTick' does not use the heap
// CHECK-DAG: noalloc: root 'slotTick' may allocate

// The program's set-up, which the oracle runs too.
void setup(void) {
  setPanic(quiet);
  for (const struct Reg *r = Library; r->name; ++r)
    (void)forward(r->fn);
  for (const struct Count *c = Counters; c->name; ++c)
    forwardStash(c->fn);
}
#ifndef NOALLOC_ORACLE
int main(void) {
  setup();
  return panicTick() + runTick() + quietTick() + slotTick();
}
#endif

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  setup();
  ORACLE_NO_HEAP("panicTick: 'G.panic' is 'quiet'", panicTick());
  ORACLE_ALLOCATES("runTick: 'run' calls 'loud'", runTick());
  ORACLE_NO_HEAP("quietTick: 'run' calls 'quiet'", quietTick());
  ORACLE_ALLOCATES("slotTick: 'U.fn' is 'louder'", slotTick());
}
#endif
