// A function stored into a pointer of another function type through a cast
// ('(gen_fn)make_node', the GDestroyNotify idiom) may run where that pointer
// is called: the cast's type is one of its signatures. In C before C23 a
// pointer type without a prototype ('void (*)()') may hold any function
// that returns its return type. Before, both were left out of the pointer's
// candidates whenever some other function of the pointer's exact type had
// its address taken, and 'tick', 'clearItems' and 'fire' were 'none'
// (review4 #1). The twins call pointers that only a quiet function of the
// pointer's own type is stored into: casting a function to one type does
// not make it a candidate of every pointer.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=gnu17 \
// RUN:   | FileCheck %s
// RUN: %oracle %s -- -std=gnu17

#include <stdlib.h>
#include <string.h>

typedef void *(*gen_fn)(void *);
struct node { int v; };
static void *make_node(struct node *n) { (void)n; return malloc(16); }
static void *identity(void *p) { return p; }
struct ops { gen_fn gen; };
struct ops o;
gen_fn fallback = identity;
void reg(void) { o.gen = (gen_fn)make_node; }
void *tick(void *arg) { return o.gen(arg); }
void *tickPlain(void *arg) { return fallback(arg); }

typedef void (*destroy_fn)(void *);
struct item { char *name; };
static void itemDestroy(struct item *it) { free(it->name); }
static void nothing(void *p) { (void)p; }
struct list { destroy_fn destroy; };
static struct list items = {(destroy_fn)itemDestroy};
struct quietList { destroy_fn destroy; };
static struct quietList plain = {nothing};
void clearItems(void *p) { items.destroy(p); }
void clearPlain(void *p) { plain.destroy(p); }

typedef void (*handler_t)();
typedef void (*idle_t)(void);
static handler_t callback;
static void *last;
static void grow(int n) { last = malloc((size_t)n); }
static void quiet(void) {}
idle_t idle = quiet;
void setCallback(handler_t f) { callback = f; }
void fire(void) { callback(16); }
void arm(void) { setCallback(grow); }
void rest(void) { idle(); }

// CHECK: "name": "tick",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "tickPlain",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"
// CHECK: "name": "clearItems",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "releases"
// CHECK: "name": "clearPlain",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"
// CHECK: "name": "fire",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "rest",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  reg();
  ORACLE_ALLOCATES("tick: make_node, cast to gen_fn", free(tick(0)));
  ORACLE_NO_HEAP("tickPlain: only identity", tickPlain(0));
  struct item it = {strdup("x")};
  ORACLE_RELEASES("clearItems: itemDestroy, cast to destroy_fn", clearItems(&it));
  ORACLE_NO_HEAP("clearPlain: only nothing", clearPlain(0));
  arm();
  ORACLE_ALLOCATES("fire: grow(int) through void (*)()", fire());
  free(last);
  ORACLE_NO_HEAP("rest: only quiet", rest());
}
#endif
