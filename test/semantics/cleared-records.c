// Clearing a record with zero bytes stores null into its function
// pointers: lwIP's tcp_alloc, 'memset(pcb, 0, sizeof *pcb)', then a call
// through 'pcb->errf' if one was set ('clearedTick'); 'bzero' and
// 'explicit_bzero' the same ('bzeroTick', 'wipedTick'). Before, the cast of
// the record's address to 'void *' made the pointer written unseen, and
// the root could not be shown clean. The twins: a memset with another
// value ('filledTick') or a value not known ('anyValueTick') may leave any
// function of its type in it (the one whose address is taken, not only the
// one stored), and a memcpy of bytes from elsewhere ('copiedTick') too.
// A 'void *' cast to a record pointer that only reaches a field holding no
// function pointer ('((struct Any *)into)->buffer', entt::any's placement
// new into another object's buffer) reads none ('storedTick'); one that
// reads a function pointer through the cast reads bytes of any type
// ('punnedTick'). Every label is the oracle's.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- \
// RUN:   | FileCheck %s
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- 2>&1 \
// RUN:   | FileCheck %s --check-prefix=WARN
// RUN: %oracle %s --
// WARN-DAG: note: 'f.run' may be 'loudFloat', whose address is taken
// WARN-DAG: note: 'a.run' may be 'loudDouble', whose address is taken
// CHECK: "name": "clearedTick",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"
// CHECK: "name": "bzeroTick",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"
// CHECK: "name": "wipedTick",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"
// CHECK: "name": "filledTick",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "anyValueTick",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "copiedTick",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "unknown"
// CHECK: "name": "storedTick",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"
// CHECK: "name": "punnedTick",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "unknown"

#define _DEFAULT_SOURCE
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define ROOT __attribute__((annotate("noalloc")))

typedef int (*Handler)(int);
typedef long (*LongHandler)(long);
typedef short (*ShortHandler)(short);
typedef float (*FloatHandler)(float);
typedef double (*DoubleHandler)(double);
typedef unsigned (*UnsignedHandler)(unsigned);
typedef char (*CharHandler)(char);
typedef signed char (*ByteHandler)(signed char);

static int loud(int x) {
  int *p = malloc(sizeof *p);
  *p = x;
  x = *p;
  free(p);
  return x;
}
static float loudFloat(float x) { return (float)loud((int)x); }
static double loudDouble(double x) { return loud((int)x); }
static char loudChar(char x) { return (char)loud(x); }
static signed char loudByte(signed char x) { return (signed char)loud(x); }

// lwIP's control block, from a static pool.
struct Pcb { struct Pcb *next; Handler errf; int state; };
static struct Pcb pcbs[2];
static struct Pcb *pcbNew(void) {
  struct Pcb *p = &pcbs[0];
  memset(p, 0, sizeof *p);
  return p;
}
ROOT int clearedTick(int x) {
  struct Pcb *p = pcbNew();
  return p->errf ? p->errf(x) : x;
}

struct Zeroed { LongHandler run; };
ROOT long bzeroTick(long x) {
  struct Zeroed z;
  bzero(&z, sizeof z);
  return z.run ? z.run(x) : x;
}

struct Wiped { ShortHandler run; };
ROOT short wipedTick(short x) {
  struct Wiped w;
  explicit_bzero(&w, sizeof w);
  return w.run ? w.run(x) : x;
}

struct Filled { FloatHandler run; };
ROOT float filledTick(float x) {
  struct Filled f;
  memset(&f, 0xff, sizeof f);
  f.run = loudFloat;
  return f.run(x);
}

struct AnyValue { DoubleHandler run; };
ROOT double anyValueTick(double x, int value) {
  struct AnyValue a;
  memset(&a, value, sizeof a);
  a.run = loudDouble;
  return a.run(x);
}

struct Copied { CharHandler run; };
struct Raw { CharHandler run; };
ROOT char copiedTick(char x, const struct Raw *raw) {
  struct Copied c = {0};
  memcpy(&c, raw, sizeof c);
  return c.run ? c.run(x) : x;
}

// entt::any's shape: a buffer for the value, and a deleter.
struct Any { unsigned char buffer[16]; UnsignedHandler deleter; };
static void store(void *into, unsigned v) {
  memcpy(((struct Any *)into)->buffer, &v, sizeof v);
}
ROOT unsigned storedTick(unsigned v) {
  struct Any a = {{0}, 0};
  store(a.buffer, v);
  return a.deleter ? a.deleter(v) : v;
}

struct Pun { unsigned char buffer[16]; ByteHandler deleter; };
static const struct Pun none = {{0}, 0};
static signed char peek(const void *from, signed char v) {
  const struct Pun *p = from;
  return p->deleter ? p->deleter(v) : none.deleter ? none.deleter(v) : v;
}
ROOT signed char punnedTick(signed char v, const unsigned char *bytes) {
  return peek(bytes, v);
}

#ifdef NOALLOC_ORACLE
#include "oracle.h"
struct Loud { unsigned char buffer[16]; ByteHandler run; };
ORACLE_MAIN {
  struct Raw raw = {loudChar};
  struct Loud bytes = {{0}, loudByte};
  ORACLE_NO_HEAP("clearedTick: 'errf' is cleared, never set", clearedTick(1));
  ORACLE_NO_HEAP("bzeroTick: 'run' is cleared by bzero", bzeroTick(1));
  ORACLE_NO_HEAP("wipedTick: 'run' is cleared by explicit_bzero",
                 wipedTick(1));
  ORACLE_ALLOCATES("filledTick: 'loudFloat' after memset 0xff",
                   filledTick(1));
  ORACLE_ALLOCATES("anyValueTick: 'loudDouble' after memset of a value",
                   anyValueTick(1, 0));
  ORACLE_ALLOCATES("copiedTick: 'loudChar', copied from 'raw'",
                   copiedTick(1, &raw));
  ORACLE_NO_HEAP("storedTick: 'deleter' stays null", storedTick(1));
  ORACLE_ALLOCATES("punnedTick: 'loudByte', read from the bytes",
                   punnedTick(1, (const unsigned char *)&bytes));
}
#endif
