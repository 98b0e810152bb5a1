// The negative twins of null-members.cpp in C: a followed pointer that is
// only ever null is clean ('quiet'), but not when code noalloc does not see
// may write it. 'hook' is only copied, never stored: what an unseen unit
// stores into it is not in view. A struct whose bytes are copied from
// another type's ('memcpy' from 'raw', which holds 'loud'), whose address
// goes to 'fill' (defined in no analysed file), that is assigned from what
// 'lib' (unseen) returns, or that is a member of a union beside another
// struct, may hold any function of its type: 'loud' if its address is
// taken (allocates), else unknown. Every label is the oracle's.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %oracle %s --

#include <stdlib.h>
#include <string.h>

#define ROOT __attribute__((annotate("noalloc")))

typedef int (*Handler)(int);
typedef long (*LongHandler)(long);
typedef short (*ShortHandler)(short);
typedef float (*FloatHandler)(float);
typedef double (*DoubleHandler)(double);
typedef unsigned (*UnsignedHandler)(unsigned);

struct Quiet { DoubleHandler run; };
struct Raw { Handler run; };
struct Ops { Handler run; };
struct Filled { LongHandler run; };
struct Lib { ShortHandler run; };
struct A { UnsignedHandler run; };
struct B { UnsignedHandler run; };
union AB { struct A a; struct B b; };

// Defined in no analysed file.
extern FloatHandler hook;
void keep(FloatHandler h);
void fill(struct Filled *f);
const struct Lib *lib(void);

int loud(int x) {
  int *p = malloc(sizeof *p);
  *p = x;
  x = *p;
  free(p);
  return x;
}
unsigned loudUnsigned(unsigned x) { return (unsigned)loud((int)x); }

static struct Quiet quiet = {0};
static struct Raw raw = {loud};

ROOT double idle(double x) { return quiet.run ? quiet.run(x) : x; }
ROOT float hooked(float x) {
  keep(hook);
  return hook ? hook(x) : x;
}
ROOT int copied(int x) {
  struct Ops o = {0};
  memcpy(&o, &raw, sizeof o);
  return o.run ? o.run(x) : x;
}
ROOT long filled(long x) {
  struct Filled f = {0};
  fill(&f);
  return f.run ? f.run(x) : x;
}
ROOT short fromLib(short x) {
  struct Lib l = {0};
  l = *lib();
  return l.run ? l.run(x) : x;
}
ROOT unsigned punned(unsigned x) {
  union AB u;
  struct A none = {0};
  u.b.run = loudUnsigned;
  return u.a.run ? u.a.run(x) : none.run ? none.run(x) : x;
}

// JSON: "name": "idle",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "none"
// JSON: "name": "hooked",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "unknown"
// JSON: "name": "copied",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "filled",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "unknown"
// JSON: "name": "fromLib",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "unknown"
// JSON: "name": "punned",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"

// Each call reported: the calls through the pointers are unknown or
// allocate, not only the calls of the unseen functions; 'quiet.run' is
// not reported.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --config="{CheckOptions: {noalloc-call.ReportEveryCall: true}}" %s -- \
// RUN:   | FileCheck %s --check-prefix=EVERY --implicit-check-not='{{warning|error}}:'
// EVERY: null-members-c.c:42:12: warning: call to 'malloc' may allocate on the heap [noalloc-call]
// EVERY: null-members-c.c:45:3: warning: call to 'free' may release heap memory [noalloc-call]
// EVERY: null-members-c.c:48:54: warning: call to 'loud' may allocate on the heap [noalloc-call]
// EVERY: null-members-c.c:55:3: warning: cannot show that 'hooked' is allocation-free: 'keep' is defined in no analysed file [noalloc-call]
// EVERY: null-members-c.c:56:17: warning: cannot show that 'hooked' is allocation-free: 'hooked' calls through function pointer 'hook' whose targets noalloc cannot see [noalloc-call]
// EVERY: null-members-c.c:61:18: warning: call through 'o.run' may allocate on the heap [noalloc-call]
// EVERY: null-members-c.c:65:3: warning: cannot show that 'filled' is allocation-free: 'fill' is defined in no analysed file [noalloc-call]
// EVERY: null-members-c.c:66:18: warning: cannot show that 'filled' is allocation-free: 'filled' calls through function pointer 'f.run' whose targets noalloc cannot see [noalloc-call]
// EVERY: null-members-c.c:70:8: warning: cannot show that 'fromLib' is allocation-free: 'lib' is defined in no analysed file [noalloc-call]
// EVERY: null-members-c.c:71:18: warning: cannot show that 'fromLib' is allocation-free: 'fromLib' calls through function pointer 'l.run' whose targets noalloc cannot see [noalloc-call]
// EVERY: null-members-c.c:77:20: warning: call through 'u.a.run' may allocate on the heap [noalloc-call]
// EVERY: null-members-c.c:77:44: warning: call through 'none.run' may allocate on the heap [noalloc-call]

#ifdef NOALLOC_ORACLE
#include "oracle.h"
static float loudFloat(float x) { return (float)loud((int)x); }
static long loudLong(long x) { return loud((int)x); }
static short loudShort(short x) { return (short)loud(x); }
FloatHandler hook = loudFloat;
void keep(FloatHandler h) { (void)h; }
void fill(struct Filled *f) { f->run = loudLong; }
static struct Lib libOps = {loudShort};
const struct Lib *lib(void) { return &libOps; }
ORACLE_MAIN {
  ORACLE_NO_HEAP("idle: 'quiet.run' is only ever null", idle(1));
  ORACLE_ALLOCATES("hooked: unseen code sets 'hook'", hooked(1));
  ORACLE_ALLOCATES("copied: 'loud', copied from 'raw'", copied(1));
  ORACLE_ALLOCATES("filled: 'fill', unseen, stores 'loudLong'", filled(1));
  ORACLE_ALLOCATES("fromLib: 'lib', unseen, returns 'loudShort'", fromLib(1));
  ORACLE_ALLOCATES("punned: 'loudUnsigned', through the union", punned(1));
}
#endif
