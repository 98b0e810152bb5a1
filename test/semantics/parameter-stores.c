// A followed pointer stored from a function-pointer parameter ('q->put =
// w') holds what the function's callers pass (review5 #7, tinycbor's
// cbor_encoder_init_writer shape). Before, such a store was a write noalloc
// did not follow: the pointer could hold any address-taken function of its
// type, and with none in the program the call reached code noalloc cannot
// see. Now, in a whole program: 'quietInit', which nothing calls, stores
// nothing, so 'quietTick' is clean; 'forwardInit' passes its own parameter
// on and nothing calls it, so 'forwardTick' is clean. Both are 'static':
// a function with external linkage that nothing in the run calls is open
// to callers outside it, and the run is then no whole program (the OPEN
// twin, tinycbor's 'cbor_encoder_init_writer' itself, test/semantics/
// open-entry.c). The twins allocate:
// 'loudTick' and 'passedTick' pass an allocating function (through
// 'setup', a caller's parameter). Still unknown: a parameter of a root
// ('rootInit': called from outside the program with anything), of a
// function whose address is taken ('takenInit': called through a pointer
// with anything), and one its function changes ('changedInit'). Every
// label is the oracle's.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- \
// RUN:   | FileCheck %s
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- 2>&1 \
// RUN:   | FileCheck %s --check-prefix=WARN --implicit-check-not='{{warning|error}}:'
// RUN: %oracle %s --
// A library (no 'main'): its clients may call 'quietInit' with anything.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -DLIBRARY \
// RUN:   | FileCheck %s --check-prefix=LIBRARY
// A function open to callers outside the run: no whole program.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -DOPEN \
// RUN:   | FileCheck %s --check-prefix=LIBRARY
// LIBRARY: "name": "quietTick",
// LIBRARY-NEXT: "usr":
// LIBRARY-NEXT: "verdict": "unknown"
// LIBRARY: "name": "forwardTick",
// LIBRARY-NEXT: "usr":
// LIBRARY-NEXT: "verdict": "unknown"

#include <stdlib.h>

#define ROOT __attribute__((annotate("noalloc")))

typedef int (*Put)(int);
typedef long (*LongPut)(long);
typedef short (*ShortPut)(short);
typedef unsigned (*UnsignedPut)(unsigned);
typedef float (*FloatPut)(float);
typedef double (*DoublePut)(double);
typedef char (*CharPut)(char);

static void *kept;
int grow(int x) {
  free(kept);
  kept = malloc(16);
  // WARN: parameter-stores.c:[[@LINE-1]]:10: warning: call to 'malloc' may allocate on the heap [noalloc-call]
  return x;
}
long growLong(long x) { return grow((int)x); }
// WARN: parameter-stores.c:[[@LINE-1]]:32: warning: call to 'grow' may allocate on the heap [noalloc-call]
short growShort(short x) { return (short)grow(x); }
// WARN: parameter-stores.c:[[@LINE-1]]:42: warning: call to 'grow' may allocate on the heap [noalloc-call]

// Stored only from a parameter nothing passes anything: clean.
struct Quiet { Put put; int on; };
static void quietInit(struct Quiet *q, Put w) { q->put = w; q->on = 1; }
ROOT int quietTick(int x) {
  struct Quiet q;
  q.on = 0;
  return q.on ? q.put(x) : x;
}

// Through a forwarder's own parameter, which nothing passes anything:
// clean.
struct Forwarded { CharPut put; int on; };
void forwardedInit(struct Forwarded *f, CharPut w) { f->put = w; f->on = 1; }
static void forwardInit(struct Forwarded *f, CharPut w) { forwardedInit(f, w); }
ROOT char forwardTick(char x) {
  struct Forwarded f;
  f.on = 0;
  return f.on ? f.put(x) : x;
}

// The twins: a caller passes an allocating function, directly or through
// its own parameter.
struct Loud { LongPut put; };
void loudInit(struct Loud *l, LongPut w) { l->put = w; }
ROOT long loudTick(long x) {
  struct Loud l;
  loudInit(&l, growLong);
  return l.put(x);
}
// WARN: parameter-stores.c:[[@LINE-2]]:10: warning: call through 'l.put' may allocate on the heap [noalloc-call]

struct Passed { ShortPut put; };
void passedInit(struct Passed *p, ShortPut w) { p->put = w; }
void setup(struct Passed *p, ShortPut w) { passedInit(p, w); }
ROOT short passedTick(short x) {
  struct Passed p;
  setup(&p, growShort);
  return p.put(x);
}
// WARN: parameter-stores.c:[[@LINE-2]]:10: warning: call through 'p.put' may allocate on the heap [noalloc-call]

// A root's parameter: its callers are outside the program.
struct Rooted { UnsignedPut put; };
ROOT void rootInit(struct Rooted *r, UnsignedPut w) { r->put = w; }
ROOT unsigned rootTick(struct Rooted *r, unsigned x) { return r->put(x); }
// WARN: parameter-stores.c:[[@LINE-1]]:63: warning: cannot show that 'rootTick' is allocation-free: 'rootTick' calls through function pointer 'r->put' whose targets noalloc cannot see [noalloc-call]

// A function called through a pointer: its arguments are not in view.
struct Taken { FloatPut put; };
void takenInit(struct Taken *t, FloatPut w) { t->put = w; }
void (*takenInitPointer)(struct Taken *, FloatPut) = takenInit;
ROOT float takenTick(struct Taken *t, float x) { return t->put(x); }
// WARN: parameter-stores.c:[[@LINE-1]]:57: warning: cannot show that 'takenTick' is allocation-free: 'takenTick' calls through function pointer 't->put' whose targets noalloc cannot see [noalloc-call]

// A parameter its function changes is not followed.
struct Changed { DoublePut put; };
static void changedInit(struct Changed *c, DoublePut w, DoublePut *other) {
  if (other)
    w = *other;
  c->put = w;
}
ROOT double changedTick(struct Changed *c, double x) { return c->put(x); }
// WARN: parameter-stores.c:[[@LINE-1]]:63: warning: cannot show that 'changedTick' is allocation-free: 'changedTick' calls through function pointer 'c->put' whose targets noalloc cannot see [noalloc-call]

// CHECK: "name": "quietTick",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"
// CHECK: "name": "forwardTick",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"
// CHECK: "name": "loudTick",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "passedTick",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "rootTick",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "unknown"
// CHECK: "name": "takenTick",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "unknown"
// CHECK: "name": "changedTick",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "unknown"

#ifdef OPEN
void openInit(struct Quiet *q, Put w) { quietInit(q, w); }
#endif

// The program: nothing outside it calls 'quietInit' or 'forwardInit'.
#if !defined(NOALLOC_ORACLE) && !defined(LIBRARY)
int main(void) { return 0; }
#endif

#ifdef NOALLOC_ORACLE
#include "oracle.h"
static unsigned growUnsigned(unsigned x) { return (unsigned)grow((int)x); }
static float growFloat(float x) { return (float)grow((int)x); }
static double growDouble(double x) { return grow((int)x); }
ORACLE_MAIN {
  struct Rooted r;
  struct Taken t;
  struct Changed c;
  DoublePut other = growDouble;
  rootInit(&r, growUnsigned);
  takenInitPointer(&t, growFloat);
  changedInit(&c, 0, &other);
  ORACLE_NO_HEAP("quietTick: nothing stores 'q.put'", quietTick(1));
  ORACLE_NO_HEAP("forwardTick: nothing stores 'f.put'", forwardTick(1));
  ORACLE_ALLOCATES("loudTick: 'growLong' passed", loudTick(1));
  ORACLE_ALLOCATES("passedTick: 'growShort' passed on", passedTick(1));
  ORACLE_ALLOCATES("rootTick: a caller outside passes 'growUnsigned'",
                   rootTick(&r, 1));
  ORACLE_ALLOCATES("takenTick: a call through a pointer passes 'growFloat'",
                   takenTick(&t, 1));
  ORACLE_ALLOCATES("changedTick: 'growDouble' read through 'other'",
                   changedTick(&c, 1));
}
#endif
