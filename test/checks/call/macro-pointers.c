/* A call through a pointer written in a macro, as lwIP's TCP_EVENT_ACCEPT
 * expands to '(lpcb)->accept(...)': the pointer has no source text of its
 * own, and was named 'a function pointer'; it is now named as clang prints
 * it. On the root's path, a note of a call through a pointer names the
 * function the pointer may hold, as the path to the heap does (it said
 * "'receive' calls through 'a function pointer'" and the next note named
 * a function nothing had introduced). The macro's test 'if ((lpcb)->accept)'
 * was taken for a copy of the pointer (C converts no condition to bool),
 * so 'quiet', the twin, reached every function of its type whose address
 * is taken: 'on_accept'. Every label is the oracle's.
 * RUN: %expect-exit 1 %noalloc --config="{CheckOptions: {Roots: 'receive;quiet'}}" %s -- 2>&1 \
 * RUN:   | FileCheck %s --check-prefixes=SCOPED,TOOL --implicit-check-not='{{warning|error}}:'
 * RUN: %expect-exit 0 %clang-tidy-noalloc -checks='-*,noalloc-*,-noalloc-unknown-call' --config="{CheckOptions: {noalloc-call.Roots: 'receive;quiet'}}" %s -- \
 * RUN:   | FileCheck %s --check-prefixes=SCOPED,PLUGIN --implicit-check-not='{{warning|error}}:'
 * RUN: %oracle %s
 */
#include <stdlib.h>

struct pcb {
  int (*accept)(void *arg);
  void *arg;
};
#define EVENT_ACCEPT(lpcb, ret)                                               \
  do {                                                                         \
    if ((lpcb)->accept)                                                        \
      (ret) = (lpcb)->accept((lpcb)->arg);                                     \
  } while (0)

static char *make_copy(void) { return malloc(64); }
/* TOOL: macro-pointers.c:[[@LINE-1]]:39: warning: call to 'malloc' allocates on the heap [noalloc-c-allocation]
 * PLUGIN: macro-pointers.c:[[@LINE-2]]:39: warning: call to 'malloc' allocates on the heap [noalloc-c-allocation]
  */
static int on_accept(void *arg) {
  char *copy = make_copy();
  /* SCOPED: macro-pointers.c:[[@LINE-1]]:16: warning: call to 'make_copy' may allocate on the heap [noalloc-call]
   * SCOPED: note: 'receive' must not allocate: it is a noalloc root
   * SCOPED: note: 'receive' calls through '(p)->accept', which may be 'on_accept'
   * SCOPED: note: 'make_copy' calls 'malloc', which allocates on the heap
    */
  int r = copy != NULL && arg != NULL;
  free(copy);
  /* TOOL: macro-pointers.c:[[@LINE-1]]:3: warning: call to 'free' releases heap memory [noalloc-c-allocation]
   * PLUGIN: macro-pointers.c:[[@LINE-2]]:3: warning: call to 'free' releases heap memory [noalloc-c-allocation]
    */
  return r;
}

/* C tests a pointer as a scalar, with no conversion to bool: these tests
 * copy it nowhere. Any of them taken for a copy made every function stored
 * into 'accept' a target of every call through a pointer of its type,
 * 'quiet's below included. */
int armed(const struct pcb *p) {
  int n = 0;
  while (p->accept && n < 1)
    n += p->arg || p->accept ? 1 : 0;
  for (; !p->accept;)
    break;
  do
    ++n;
  while (n < 2 && p->accept);
  return n;
}

/* The twin: the same macro over a pointer that holds a function that
 * touches no heap. */
struct quiet_pcb {
  int (*accept)(void *arg);
  void *arg;
};
static int on_accept_quietly(void *arg) { return arg != NULL; }

int receive(struct pcb *p) {
  int r = 0;
  EVENT_ACCEPT(p, r);
  /* SCOPED: macro-pointers.c:[[@LINE-1]]:3: warning: call through '(p)->accept' may allocate on the heap [noalloc-call]
   * SCOPED: note: 'receive' must not allocate: it is a noalloc root
   * SCOPED: note: '(p)->accept' may be 'on_accept', which is stored into it
   * SCOPED: note: 'on_accept' calls 'make_copy'
   * SCOPED: note: 'make_copy' calls 'malloc', which allocates on the heap
    */
  return r;
}
int quiet(struct quiet_pcb *p) {
  int r = 0;
  EVENT_ACCEPT(p, r);
  return r;
}

void setup(struct pcb *p, struct quiet_pcb *q) {
  p->accept = on_accept;
  q->accept = on_accept_quietly;
}

/* TOOL: noalloc: 4 findings in 1 file
 */

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  static char byte;
  struct pcb p = {0, &byte};
  struct quiet_pcb q = {0, &byte};
  setup(&p, &q);
  ORACLE_ALLOCATES("receive, through the pointer to on_accept", receive(&p));
  ORACLE_NO_HEAP("quiet, through the pointer to on_accept_quietly", quiet(&q));
}
#endif
