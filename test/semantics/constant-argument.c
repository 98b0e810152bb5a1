/* A call that passes a constant for a parameter which is the only guard of
 * the callee's heap use does not run it (review6 #7, mongoose's
 * mg_pfn_iobuf_noresize: 'mg_pfn_iobuf_private(ch, param, false)', whose
 * 'if (expand && ...) mg_iobuf_resize(...)' is its only heap call). The
 * link gives such calls the callee without the code their arguments rule
 * out: 'expand' (bool), '!fixed', 'm == MODE_GROW' (enum) and '!out' (a
 * pointer: an array argument is not null), in this unit and in another
 * (Inputs/constant-argument-put.c), where the guarded code is a direct
 * call of realloc, which the direct check then leaves out too. The twins:
 * the constant that runs the guarded code ('true', 'MODE_GROW', NULL), a
 * value known only at run time, and a parameter the callee assigns before
 * the guard.
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call,noalloc-c-allocation' \
 * RUN:   --config="{CheckOptions: {Roots: 'fixed_status;growing_status;any_status;unless_fixed;unless_growing;changed_fixed;mode_fixed;mode_grow;copy_fixed;copy_fresh;other_fixed'}}" \
 * RUN:   %s %S/Inputs/constant-argument-put.c -- \
 * RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call,noalloc-c-allocation' \
 * RUN:   --config="{CheckOptions: {Roots: 'other_growing'}}" \
 * RUN:   %s %S/Inputs/constant-argument-put.c -- \
 * RUN:   | FileCheck %s --check-prefix=OTHER --implicit-check-not='{{warning|error}}:'
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call,noalloc-c-allocation' --format=json \
 * RUN:   %s %S/Inputs/constant-argument-put.c -- \
 * RUN:   | FileCheck %s --check-prefix=JSON --implicit-check-not='noalloc:specialised'
 * RUN: %oracle %s -- %S/Inputs/constant-argument-put.c
 */
#include "Inputs/constant-argument.h"
#include <stdlib.h>
#include <string.h>

static void resize(struct buf *b, size_t n) {
  // CHECK: constant-argument.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'realloc' reallocates heap memory [noalloc-c-allocation]
  char *p = realloc(b->data, n);
  if (p) {
    b->data = p;
    b->size = n;
  }
}

/* mongoose's mg_pfn_iobuf_private, mg_pfn_iobuf_noresize, mg_pfn_iobuf. */
static void put(struct buf *b, char ch, bool expand) {
  // CHECK: constant-argument.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'resize' may allocate on the heap [noalloc-call]
  if (expand && b->len == b->size) resize(b, b->size + 16);
  if (b->len < b->size)
    b->data[b->len++] = ch;
}
void put_fixed(struct buf *b, char ch) { put(b, ch, false); }
// CHECK: constant-argument.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'put' may allocate on the heap [noalloc-call]
void put_growing(struct buf *b, char ch) { put(b, ch, true); }

static char area[64];
static struct buf fixed = {area, sizeof area, 0};
void fixed_status(void) {
  for (const char *s = "temp=21"; *s; ++s)
    put_fixed(&fixed, *s);
}
// CHECK: constant-argument.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'put_growing' may allocate on the heap [noalloc-call]
void growing_status(struct buf *b) { put_growing(b, 't'); }
// CHECK: constant-argument.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'put' may allocate on the heap [noalloc-call]
void any_status(struct buf *b, bool expand) { put(b, 't', expand); }

/* The guard negated. */
static void put_unless(struct buf *b, char ch, bool fixed) {
  if (!fixed) {
    if (b->len == b->size)
      // CHECK: constant-argument.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'resize' may allocate on the heap [noalloc-call]
      resize(b, b->size + 16);
  }
  if (b->len < b->size)
    b->data[b->len++] = ch;
}
void unless_fixed(struct buf *b) { put_unless(b, 'x', true); }
// CHECK: constant-argument.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'put_unless' may allocate on the heap [noalloc-call]
void unless_growing(struct buf *b) { put_unless(b, 'x', false); }

/* The parameter assigned before the guard: the guard says nothing of the
 * argument. */
static void put_changed(struct buf *b, char ch, bool expand) {
  if (b->len == 0)
    expand = true;
  // CHECK: constant-argument.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'resize' may allocate on the heap [noalloc-call]
  if (expand && b->len == b->size) resize(b, b->size + 16);
  if (b->len < b->size)
    b->data[b->len++] = ch;
}
// CHECK: constant-argument.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'put_changed' may allocate on the heap [noalloc-call]
void changed_fixed(struct buf *b) { put_changed(b, 'x', false); }

/* An enumeration compared with '=='. */
enum mode { MODE_FIXED, MODE_GROW };
static void put_mode(struct buf *b, char ch, enum mode m) {
  // CHECK: constant-argument.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'resize' may allocate on the heap [noalloc-call]
  if (m == MODE_GROW && b->len == b->size) resize(b, b->size + 16);
  if (b->len < b->size)
    b->data[b->len++] = ch;
}
void mode_fixed(struct buf *b) { put_mode(b, 'x', MODE_FIXED); }
// CHECK: constant-argument.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'put_mode' may allocate on the heap [noalloc-call]
void mode_grow(struct buf *b) { put_mode(b, 'x', MODE_GROW); }

/* A pointer: an array is not null, NULL is. */
static char *copy_into(const char *s, char *out) {
  if (!out)
    // CHECK: constant-argument.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'strdup' allocates on the heap [noalloc-c-allocation]
    return strdup(s);
  strcpy(out, s);
  return out;
}
char *copy_fixed(const char *s) { return copy_into(s, area); }
// CHECK: constant-argument.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'copy_into' may allocate on the heap [noalloc-call]
char *copy_fresh(const char *s) { return copy_into(s, NULL); }

/* The guarded function in another unit, its heap call a direct one. */
void other_fixed(struct buf *b) { put_other(b, 'x', false); }
// OTHER: constant-argument-put.c:8:{{[0-9]+}}: warning: call to 'realloc' reallocates heap memory [noalloc-c-allocation]
// OTHER: constant-argument.c:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'put_other' may allocate on the heap [noalloc-call]
void other_growing(struct buf *b) { put_other(b, 'x', true); }

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  /* Empty: a write that may grow it does. */
  struct buf empty = {0, 0, 0};
  ORACLE_NO_HEAP("a constant false", fixed_status());
  ORACLE_ALLOCATES("a constant true", growing_status(&empty));
  struct buf empty2 = {0, 0, 0};
  ORACLE_ALLOCATES("a value known at run time", any_status(&empty2, true));
  struct buf full = {0, 0, 0};
  ORACLE_NO_HEAP("'!fixed', fixed", unless_fixed(&full));
  ORACLE_ALLOCATES("'!fixed', not fixed", unless_growing(&full));
  struct buf empty3 = {0, 0, 0};
  ORACLE_ALLOCATES("assigned before the guard", changed_fixed(&empty3));
  struct buf full2 = {0, 0, 0};
  ORACLE_NO_HEAP("'m == MODE_GROW', MODE_FIXED", mode_fixed(&full2));
  ORACLE_ALLOCATES("'m == MODE_GROW', MODE_GROW", mode_grow(&full2));
  ORACLE_NO_HEAP("'!out', an array", copy_fixed("abc"));
  ORACLE_ALLOCATES("'!out', NULL", copy_fresh("abc"));
  struct buf full3 = {0, 0, 0};
  ORACLE_NO_HEAP("another unit, false", other_fixed(&full3));
  ORACLE_ALLOCATES("another unit, true", other_growing(&full3));
}
#endif

/* Each function has one verdict: its own code, whatever its callers pass.
 * JSON: "name": "put",
 * JSON: "verdict": "allocates"
 * JSON: "name": "put_fixed",
 * JSON: "verdict": "none"
 * JSON: "name": "put_growing",
 * JSON: "verdict": "allocates"
 * JSON: "name": "fixed_status",
 * JSON: "verdict": "none"
 * JSON: "name": "other_fixed",
 * JSON: "verdict": "none"
 */
