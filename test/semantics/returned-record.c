// A local record initialised from what a call returns holds the constants
// the callee stores into the record it returns: eyalroz/printf's output
// gadget, 'gadget = buffer_gadget(s, n)', whose 'function' field
// 'discarding_gadget' sets to NULL; the formatter writes through the
// function only if one is set ('if (g->function != NULL)'). So formatting
// into a buffer ('bufferTick') does not reach the allocating sink that
// another caller passes ('sinkTick'). Before, only a local filled by field
// stores was followed, and 'bufferTick' reached 'keepCopy'. The twins: a
// callee that sets the field under a condition ('maybeTick'), a caller that
// overwrites the field after the call ('overwrittenTick'), a callee that
// returns one of two records ('eitherTick'). Every label is the oracle's.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- \
// RUN:   | FileCheck %s
// RUN: %oracle %s --
// CHECK: "name": "bufferTick",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"
// CHECK: "name": "sinkTick",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "maybeTick",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "overwrittenTick",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "eitherTick",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"

#include <stdlib.h>

#define ROOT __attribute__((annotate("noalloc")))

typedef void (*Sink)(char c, void *arg);
typedef struct {
  Sink function;
  void *arg;
  char *buffer;
  unsigned pos, max;
} Gadget;

static void keepCopy(char c, void *arg) {
  char *copy = malloc(2);
  copy[0] = c;
  copy[1] = 0;
  *(char *)arg = copy[0];
  free(copy);
}

static Gadget discarding(void) {
  Gadget g;
  g.function = NULL;
  g.arg = NULL;
  g.buffer = NULL;
  g.pos = 0;
  g.max = 0;
  return g;
}
static Gadget bufferGadget(char *b, unsigned n) {
  Gadget r = discarding();
  if (b != NULL) {
    r.buffer = b;
    r.max = n;
  }
  return r;
}
static Gadget sinkGadget(Sink f, void *arg) {
  Gadget r = discarding();
  r.function = f;
  r.arg = arg;
  return r;
}
static Gadget maybeSink(Sink f, void *arg, int on) {
  Gadget r = discarding();
  r.arg = arg;
  if (on)
    r.function = f;
  return r;
}
static Gadget either(Sink f, void *arg, int on) {
  Gadget none = discarding();
  Gadget some = discarding();
  some.function = f;
  some.arg = arg;
  if (on)
    return some;
  return none;
}

static void put(Gadget *g, char c) {
  if (g->function != NULL)
    g->function(c, g->arg);
  else if (g->pos < g->max)
    g->buffer[g->pos++] = c;
  else
    g->pos++;
}
static unsigned format(Gadget *g, const char *s) {
  while (*s)
    put(g, *s++);
  return g->pos;
}

ROOT unsigned bufferTick(char *b, unsigned n, const char *s) {
  Gadget g = bufferGadget(b, n);
  return format(&g, s);
}
ROOT unsigned sinkTick(char *last, const char *s) {
  Gadget g = sinkGadget(keepCopy, last);
  return format(&g, s);
}
ROOT unsigned maybeTick(char *last, const char *s, int on) {
  Gadget g = maybeSink(keepCopy, last, on);
  return format(&g, s);
}
ROOT unsigned overwrittenTick(char *last, const char *s) {
  Gadget g = bufferGadget(NULL, 0);
  g.function = keepCopy;
  g.arg = last;
  return format(&g, s);
}
ROOT unsigned eitherTick(char *last, const char *s, int on) {
  Gadget g = either(keepCopy, last, on);
  return format(&g, s);
}

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  char buffer[8];
  char last = 0;
  ORACLE_NO_HEAP("bufferTick: 'function' is NULL", bufferTick(buffer, 8, "ab"));
  ORACLE_ALLOCATES("sinkTick: 'keepCopy' is the sink", sinkTick(&last, "ab"));
  ORACLE_ALLOCATES("maybeTick: 'keepCopy' when on", maybeTick(&last, "ab", 1));
  ORACLE_ALLOCATES("overwrittenTick: 'keepCopy' stored after",
                   overwrittenTick(&last, "ab"));
  ORACLE_ALLOCATES("eitherTick: 'keepCopy' when on",
                   eitherTick(&last, "ab", 1));
}
#endif
