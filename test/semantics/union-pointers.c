// A function pointer that is a member of a union is followed (review5 #7 in
// tinycbor's shape: 'CborEncoder::data.writer', beside a data pointer and a
// count). The union's members share their bytes, so its function pointers
// are one followed pointer: what is stored into one is what any of them
// holds when called ('punnedTick' stores 'grow' into 'run' and calls
// 'other'). Its data members hold a function only if one's address escapes
// as data ('(void *)growCount'), and escaping functions count for every
// followed pointer of their type ('laundered').
// Clean: 'quietTick', whose writer the program sets only to 'quietWrite'
// through a parameter (the tinycbor shape), and 'idleTick', whose union's
// pointers are only ever null; before, both reached every address-taken
// function of their type ('growWrite', 'growShort'). The twins allocate: 'loudTick' (the same
// shape, given 'loudWrite'), 'punnedTick' and 'launderedTick'. A union
// with a struct member is not followed: the struct's own followed fields
// share its bytes ('nestedTick' reaches every address-taken function of
// its type). Every label is the oracle's.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- \
// RUN:   | FileCheck %s
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- 2>&1 \
// RUN:   | FileCheck %s --check-prefix=WARN --implicit-check-not='{{warning|error}}:'
// RUN: %oracle %s --

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#define ROOT __attribute__((annotate("noalloc")))

typedef int (*Writer)(void *, int);
typedef long (*LongRun)(long);
typedef short (*ShortRun)(short);
typedef unsigned (*Count)(unsigned);
typedef float (*FloatRun)(float);

static void *kept;
static int grow(int x) {
  free(kept);
  kept = malloc(16);
  // WARN: union-pointers.c:[[@LINE-1]]:10: warning: call to 'malloc' may allocate on the heap [noalloc-call]
  return x;
}

// tinycbor's encoder: the writer is set only through a parameter.
struct Encoder {
  union {
    uint8_t *ptr;
    ptrdiff_t bytes_needed;
    Writer writer;
  } data;
  void *token;
  int flags;
};
static void initWriter(struct Encoder *e, Writer w) {
  e->data.writer = w;
  e->flags = 1;
}
static void initBuffer(struct Encoder *e, uint8_t *buffer) {
  e->data.ptr = buffer;
  e->flags = 0;
}
static int quietWrite(void *token, int n) { return token ? n : 0; }
// Of the writer's type, address taken, never stored into the union.
static int growWrite(void *token, int n) { return token ? grow(n) : 0; }
static Writer fallback = growWrite;
ROOT int quietTick(struct Encoder *e, int n) {
  return e->flags ? e->data.writer(e->token, n) : n;
}

// The twin: the program gives another encoder type an allocating writer.
struct LoudEncoder {
  union {
    uint8_t *ptr;
    LongRun run;
  } data;
};
static long loudWrite(long n) { return grow((int)n); }
// WARN: union-pointers.c:[[@LINE-1]]:40: warning: call to 'grow' may allocate on the heap [noalloc-call]
static void initLoud(struct LoudEncoder *e, LongRun w) { e->data.run = w; }
ROOT long loudTick(struct LoudEncoder *e, long n) { return e->data.run(n); }
// WARN: union-pointers.c:[[@LINE-1]]:60: warning: call through 'e->data.run' may allocate on the heap [noalloc-call]

// Two function pointers of one union: one written, the other called.
union Punned {
  ShortRun run;
  ShortRun other;
};
static short growShort(short x) { return (short)grow(x); }
// WARN: union-pointers.c:[[@LINE-1]]:49: warning: call to 'grow' may allocate on the heap [noalloc-call]
ROOT short punnedTick(short x) {
  union Punned u;
  u.run = growShort;
  return u.other(x);
}
// WARN: union-pointers.c:[[@LINE-2]]:10: warning: call through 'u.other' may allocate on the heap [noalloc-call]

// Their negative twin: only ever null.
union Idle {
  ShortRun run;
  ShortRun other;
  uint8_t *ptr;
};
ROOT short idleTick(short x) {
  union Idle u;
  u.run = NULL;
  return u.other ? u.other(x) : x;
}

// A function's address stored as data, called through the union.
union Laundered {
  void *data;
  Count count;
};
static unsigned growCount(unsigned x) { return (unsigned)grow((int)x); }
// WARN: union-pointers.c:[[@LINE-1]]:58: warning: call to 'grow' may allocate on the heap [noalloc-call]
ROOT unsigned launderedTick(unsigned x) {
  union Laundered u;
  u.data = (void *)growCount;
  return u.count(x);
}
// WARN: union-pointers.c:[[@LINE-2]]:10: warning: call through 'u.count' may allocate on the heap [noalloc-call]

// A union with a struct member: the struct's field shares its bytes.
struct Boxed { FloatRun run; };
union Nested {
  struct Boxed boxed;
  FloatRun run;
};
static float growFloat(float x) { return (float)grow((int)x); }
// WARN: union-pointers.c:[[@LINE-1]]:49: warning: call to 'grow' may allocate on the heap [noalloc-call]
ROOT float nestedTick(float x) {
  union Nested u;
  u.boxed.run = growFloat;
  return u.run(x);
}
// WARN: union-pointers.c:[[@LINE-2]]:10: warning: call through 'u.run' may allocate on the heap [noalloc-call]

#ifndef NOALLOC_ORACLE
int main(void) {
  static uint8_t buffer[16];
  struct Encoder quiet;
  initBuffer(&quiet, buffer);
  initWriter(&quiet, quietWrite);
  struct LoudEncoder loud;
  initLoud(&loud, loudWrite);
  return quietTick(&quiet, 1) + (int)loudTick(&loud, 1) + punnedTick(1) +
         idleTick(1) + (int)launderedTick(1) + (int)nestedTick(1) +
         fallback(buffer, 1);
}
#endif

// CHECK: "name": "quietTick",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"
// CHECK: "name": "loudTick",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "punnedTick",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "idleTick",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"
// CHECK: "name": "launderedTick",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "nestedTick",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  static uint8_t buffer[16];
  struct Encoder quiet;
  initBuffer(&quiet, buffer);
  ORACLE_NO_HEAP("quietTick: into the buffer", quietTick(&quiet, 1));
  initWriter(&quiet, quietWrite);
  ORACLE_NO_HEAP("quietTick: 'quietWrite'", quietTick(&quiet, 1));
  struct LoudEncoder loud;
  initLoud(&loud, loudWrite);
  ORACLE_ALLOCATES("loudTick: 'loudWrite'", loudTick(&loud, 1));
  ORACLE_ALLOCATES("punnedTick: 'growShort' through the other member",
                   punnedTick(1));
  ORACLE_NO_HEAP("idleTick: only null", idleTick(1));
  ORACLE_ALLOCATES("launderedTick: 'growCount' stored as data",
                   launderedTick(1));
  ORACLE_ALLOCATES("nestedTick: 'growFloat' through the struct member",
                   nestedTick(1));
}
#endif
