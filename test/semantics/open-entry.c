/* A run is a whole program only if nothing outside it can call in. A
 * compilation database may hold a library beside a program ('main' in a
 * tool of the same project, leveldb's leveldbutil beside its C API): the
 * library's API, which nothing in the run calls, is its clients' to call,
 * and a callback it stores may be any of theirs. Before, 'main' alone made
 * the run whole: 'cmp_create' never ran, 'compare' held nothing, and
 * 'rt_compare' was clean (review8-1; oracle: a client's comparator
 * allocates). The twin: the tool calls the API with a comparator of its
 * own, and the run is whole again ('rt_compare' reaches 'quiet' only).
 *
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
 * RUN:   --config="{CheckOptions: {Roots: 'rt_compare'}}" \
 * RUN:   %s %S/Inputs/open-entry-tool.c -- 2>&1 \
 * RUN:   | FileCheck %s --check-prefix=OPEN --implicit-check-not='{{warning|error}}:'
 * RUN: %expect-exit 0 %noalloc --checks='-*,noalloc-call' \
 * RUN:   --config="{CheckOptions: {Roots: 'rt_compare'}}" \
 * RUN:   %s %S/Inputs/open-entry-tool.c -- -DCALLED 2>&1 \
 * RUN:   | FileCheck %s --check-prefix=CLOSED --implicit-check-not='{{warning|error}}:'
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
 * RUN:   --config="{CheckOptions: {Roots: 'rt_compare', WholeProgram: false}}" \
 * RUN:   %s %S/Inputs/open-entry-tool.c -- -DCALLED 2>&1 \
 * RUN:   | FileCheck %s --check-prefix=LIBRARY --implicit-check-not='{{warning|error}}:'
 * RUN: %oracle %s --
 * RUN: %oracle %s -- -DCALLED
 *
 * CLOSED: noalloc: root 'rt_compare' does not use the heap
 *
 * 'WholeProgram: false' takes even the whole program as a library's: its
 * API may be called with a client's comparator (LIBRARY).
 */

#include <stddef.h>

struct Cmp {
  int (*compare)(void *, const char *, size_t);
  void *state;
};

static struct Cmp table[4];
static int used;

struct Cmp *cmp_create(void *state, int (*compare)(void *, const char *, size_t)) {
  struct Cmp *c = &table[used++ % 4];
  c->state = state;
  c->compare = compare;
  return c;
}

int rt_compare(const struct Cmp *c, const char *a, size_t n) {
  return c->compare(c->state, a, n);
}
/* OPEN: open-entry.c:[[@LINE-2]]:10: warning: cannot show that 'rt_compare' is allocation-free: 'rt_compare' calls through 'c->compare', which client code outside the run may set [noalloc-call]
 * LIBRARY: open-entry.c:[[@LINE-3]]:10: warning: cannot show that 'rt_compare' is allocation-free: 'rt_compare' calls through 'c->compare', which client code outside the run may set [noalloc-call]
 * OPEN: noalloc: the run defines 'main' but is taken as a library's: nothing in it calls 'cmp_create' ({{.*}}open-entry.c:[[#@LINE-12]]), which has external linkage; 'WholeProgram: true' says that no code outside the run calls into it
 * OPEN: noalloc: root 'rt_compare' cannot be shown allocation-free
 * LIBRARY-NOT: WholeProgram
 * LIBRARY: noalloc: root 'rt_compare' cannot be shown allocation-free
 */

#ifdef NOALLOC_ORACLE
#include "oracle.h"
#include <stdlib.h>
#include <string.h>
#ifdef CALLED
#include "Inputs/open-entry-tool.c"
ORACLE_MAIN {
  struct Cmp *c = cmp_create(NULL, quiet);
  ORACLE_NO_HEAP("rt_compare: the tool's comparator", rt_compare(c, "ab", 2));
}
#else
static int client(void *s, const char *a, size_t n) {
  char *t = malloc(n + 1);
  memcpy(t, a, n);
  free(t);
  return (int)n + (s != NULL);
}
ORACLE_MAIN {
  struct Cmp *c = cmp_create(NULL, client);
  ORACLE_ALLOCATES("rt_compare: a client's comparator", rt_compare(c, "ab", 2));
}
#endif
#endif
