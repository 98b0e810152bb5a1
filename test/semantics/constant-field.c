/* A flag stored as a constant in a local's field, whose address is passed
 * down a chain of calls to the function it guards, rules that function's
 * guarded heap use out (review8-5, cJSON's cJSON_PrintPreallocated: 'p.noalloc
 * = true; return print_value(item, &p);', print_value <-> print_array and
 * print_object pass 'p' on unchanged to ensure(), whose realloc comes after
 * 'if (p->noalloc) return NULL;'). The twins: the constant false, a value
 * known at run time, a store under an 'if', the field written in the chain
 * (CALLEE_WRITES), and the local's address kept in a global, through which
 * the chain writes the flag as bytes (ESCAPES).
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call,noalloc-c-allocation' \
 * RUN:   --config="{CheckOptions: {Roots: 'print_fixed;print_growing;print_runtime;print_maybe'}}" \
 * RUN:   %s -- | FileCheck %s --implicit-check-not='{{warning|error}}:'
 * RUN: %expect-exit 0 %noalloc --checks='-*,noalloc-call,noalloc-c-allocation' \
 * RUN:   --config="{CheckOptions: {Roots: 'print_fixed'}}" %s -- 2>&1 \
 * RUN:   | FileCheck %s --check-prefix=FIXED --implicit-check-not='{{warning|error}}:'
 * FIXED: noalloc: root 'print_fixed' does not use the heap
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call,noalloc-c-allocation' \
 * RUN:   --config="{CheckOptions: {Roots: 'print_reset'}}" %s -- -DCALLEE_WRITES \
 * RUN:   | FileCheck %s --check-prefix=WRITES --implicit-check-not='{{warning|error}}:'
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call,noalloc-c-allocation' \
 * RUN:   --config="{CheckOptions: {Roots: 'print_escaping'}}" %s -- -DESCAPES \
 * RUN:   | FileCheck %s --check-prefix=ESCAPES --implicit-check-not='{{warning|error}}:'
 * RUN: %oracle %s
 * RUN: %oracle %s -- -DCALLEE_WRITES
 * RUN: %oracle %s -- -DESCAPES
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>

struct out {
  char *data;
  size_t size, len;
  bool noalloc;
};

struct node {
  bool list;
  struct node *child, *next;
};

#ifdef ESCAPES
static struct out *kept;
/* Bytes through a pointer kept elsewhere: no field write noalloc sees. */
static void forget(void) {
  if (kept)
    ((unsigned char *)kept)[offsetof(struct out, noalloc)] = 0;
}
#endif

/* cJSON's ensure(). */
static char *ensure(struct out *o, size_t n) {
  if (o->len + n <= o->size)
    return o->data + o->len;
  if (o->noalloc)
    return NULL;
  // CHECK: constant-field.c:[[@LINE+3]]:{{[0-9]+}}: warning: call to 'realloc' reallocates heap memory [noalloc-c-allocation]
  // WRITES: constant-field.c:[[@LINE+2]]:{{[0-9]+}}: warning: call to 'realloc' reallocates heap memory [noalloc-c-allocation]
  // ESCAPES: constant-field.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'realloc' reallocates heap memory [noalloc-c-allocation]
  char *p = realloc(o->data, o->len + n + 16);
  if (!p)
    return NULL;
  o->data = p;
  o->size = o->len + n + 16;
  return p + o->len;
}

static bool print_value(const struct node *n, struct out *o);

static bool print_list(const struct node *n, struct out *o) {
  // CHECK: constant-field.c:[[@LINE+3]]:{{[0-9]+}}: warning: call to 'ensure' may allocate on the heap [noalloc-call]
  // WRITES: constant-field.c:[[@LINE+2]]:{{[0-9]+}}: warning: call to 'ensure' may allocate on the heap [noalloc-call]
  // ESCAPES: constant-field.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'ensure' may allocate on the heap [noalloc-call]
  char *p = ensure(o, 1);
  if (!p)
    return false;
  *p = '[';
  o->len++;
  for (const struct node *c = n->child; c; c = c->next)
    if (!print_value(c, o))
      return false;
  p = ensure(o, 1);
  if (!p)
    return false;
  *p = ']';
  o->len++;
  return true;
}

static bool print_value(const struct node *n, struct out *o) {
#ifdef ESCAPES
  forget();
#endif
  if (n->list)
    // CHECK: constant-field.c:[[@LINE+3]]:{{[0-9]+}}: warning: call to 'print_list' may allocate on the heap [noalloc-call]
    // WRITES: constant-field.c:[[@LINE+2]]:{{[0-9]+}}: warning: call to 'print_list' may allocate on the heap [noalloc-call]
    // ESCAPES: constant-field.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'print_list' may allocate on the heap [noalloc-call]
    return print_list(n, o);
  char *p = ensure(o, 1);
  if (!p)
    return false;
  *p = '1';
  o->len++;
  return true;
}

static bool print_doc(const struct node *tree, struct out *o) {
  // CHECK: constant-field.c:[[@LINE+3]]:{{[0-9]+}}: warning: call to 'print_value' may allocate on the heap [noalloc-call]
  // WRITES: constant-field.c:[[@LINE+2]]:{{[0-9]+}}: warning: call to 'print_value' may allocate on the heap [noalloc-call]
  // ESCAPES: constant-field.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'print_value' may allocate on the heap [noalloc-call]
  return print_value(tree, o);
}

/* cJSON_PrintPreallocated. */
char *print_fixed(char *buf, size_t size, const struct node *tree) {
  struct out o = {buf, size, 0, false};
  if (!tree)
    return NULL;
  o.noalloc = true;
  return print_doc(tree, &o) ? o.data : NULL;
}

char *print_growing(char *buf, size_t size, const struct node *tree) {
  struct out o = {buf, size, 0, false};
  if (!tree)
    return NULL;
  o.noalloc = false;
  // CHECK: constant-field.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'print_doc' may allocate on the heap [noalloc-call]
  return print_doc(tree, &o) ? o.data : NULL;
}

char *print_runtime(char *buf, size_t size, const struct node *tree,
                    bool fixed) {
  struct out o = {buf, size, 0, false};
  o.noalloc = fixed;
  // CHECK: constant-field.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'print_doc' may allocate on the heap [noalloc-call]
  return print_doc(tree, &o) ? o.data : NULL;
}

/* Stored under an 'if': not whenever the call runs. */
char *print_maybe(char *buf, size_t size, const struct node *tree) {
  struct out o = {buf, size, 0, false};
  if (size > 0)
    o.noalloc = true;
  // CHECK: constant-field.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'print_doc' may allocate on the heap [noalloc-call]
  return print_doc(tree, &o) ? o.data : NULL;
}

#ifdef CALLEE_WRITES
/* The chain writes the flag: what the caller stored no longer holds. */
static bool print_relaxed(const struct node *tree, struct out *o) {
  o->noalloc = false;
  // WRITES: constant-field.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'print_doc' may allocate on the heap [noalloc-call]
  return print_doc(tree, o);
}

char *print_reset(char *buf, size_t size, const struct node *tree) {
  struct out o = {buf, size, 0, false};
  o.noalloc = true;
  // WRITES: constant-field.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'print_relaxed' may allocate on the heap [noalloc-call]
  return print_relaxed(tree, &o) ? o.data : NULL;
}
#endif

#ifdef ESCAPES
char *print_escaping(char *buf, size_t size, const struct node *tree) {
  struct out o = {buf, size, 0, false};
  kept = &o;
  o.noalloc = true;
  // ESCAPES: constant-field.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'print_doc' may allocate on the heap [noalloc-call]
  char *printed = print_doc(tree, &o) ? o.data : NULL;
  kept = NULL;
  return printed;
}
#endif

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  struct node leaves[3] = {{false, 0, &leaves[1]}, {false, 0, &leaves[2]}};
  struct node inner = {true, leaves, 0};
  struct node tree = {true, &inner, 0};
  char big[64], small[2];
  char *printed;
#if defined(CALLEE_WRITES)
  ORACLE_ALLOCATES("written in the chain", printed = print_reset(0, 0, &tree));
  free(printed);
#elif defined(ESCAPES)
  ORACLE_ALLOCATES("escaping", printed = print_escaping(0, 0, &tree));
  free(printed);
#else
  ORACLE_NO_HEAP("true, room", print_fixed(big, sizeof big, &tree));
  ORACLE_NO_HEAP("true, no room", print_fixed(small, sizeof small, &tree));
  ORACLE_NO_HEAP("true, no buffer", print_fixed(0, 0, &tree));
  ORACLE_ALLOCATES("false", printed = print_growing(0, 0, &tree));
  free(printed);
  ORACLE_ALLOCATES("run time", printed = print_runtime(0, 0, &tree, false));
  free(printed);
  ORACLE_ALLOCATES("under an if", printed = print_maybe(0, 0, &tree));
  free(printed);
#endif
}
#endif
