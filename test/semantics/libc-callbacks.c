// More C library functions that call a function they are given before
// they return (calls-argument): C11 call_once, the <search.h> searches and
// walks, dl_iterate_phdr and scandir's filter. The callback is a call of
// the caller, so a root that reaches a malloc through one is reported
// with the callback in the chain; the twins' callbacks use no heap and
// the library functions themselves none (the oracle measures 0 for
// call_once, lfind, lsearch, tfind, twalk and dl_iterate_phdr). Before,
// these roots were clean under the default policy (review2-1).
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
// RUN:   --config="{CheckOptions: {Roots: 'once_table;find_copy;add_copy;tree_copy;walk_copy;objects_copy;once_flag_only;find_plain;add_plain;tree_plain;walk_plain;objects_plain'}}" \
// RUN:   %s -- -std=gnu11 2>&1 | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %oracle %s -- -std=gnu11

#define _GNU_SOURCE
#include <link.h>
#include <search.h>
#include <stdlib.h>
#include <threads.h>

static char *table;
static void make_table(void) { table = malloc(64); }
static int ready;
static void set_ready(void) { ready = 1; }

void once_table(void) {
  static once_flag once = ONCE_FLAG_INIT;
  call_once(&once, make_table);
}

void once_flag_only(void) {
  static once_flag once = ONCE_FLAG_INIT;
  call_once(&once, set_ready);
}

static int by_copy(const void *a, const void *b) {
  int *x = malloc(sizeof *x);
  *x = *(const int *)a;
  int r = *x - *(const int *)b;
  free(x);
  return r;
}
static int by_value(const void *a, const void *b) {
  return *(const int *)a - *(const int *)b;
}

int find_copy(const int *v, size_t n, int key) {
  return lfind(&key, v, &n, sizeof *v, by_copy) != 0;
}
int find_plain(const int *v, size_t n, int key) {
  return lfind(&key, v, &n, sizeof *v, by_value) != 0;
}

int add_copy(int *v, size_t *n, int key) {
  return lsearch(&key, v, n, sizeof *v, by_copy) != 0;
}
int add_plain(int *v, size_t *n, int key) {
  return lsearch(&key, v, n, sizeof *v, by_value) != 0;
}

int tree_copy(void *const *tree, int key) {
  return tfind(&key, tree, by_copy) != 0;
}
int tree_plain(void *const *tree, int key) {
  return tfind(&key, tree, by_value) != 0;
}

static int visits;
static void count_copy(const void *node, VISIT order, int depth) {
  (void)node;
  (void)depth;
  char *note = malloc(8);
  visits += order == leaf;
  free(note);
}
static void count(const void *node, VISIT order, int depth) {
  (void)node;
  (void)depth;
  visits += order == leaf;
}

void walk_copy(const void *tree) { twalk(tree, count_copy); }
void walk_plain(const void *tree) { twalk(tree, count); }

static int objects;
static int list_copy(struct dl_phdr_info *info, size_t size, void *data) {
  (void)info;
  (void)size;
  (void)data;
  free(malloc(4));
  return ++objects, 0;
}
static int list(struct dl_phdr_info *info, size_t size, void *data) {
  (void)info;
  (void)size;
  (void)data;
  return ++objects, 0;
}

int objects_copy(void) { return dl_iterate_phdr(list_copy, NULL); }
int objects_plain(void) { return dl_iterate_phdr(list, NULL); }

// Each callback's malloc, and each root's call of its callback; the twins
// and the library functions themselves are not reported.
// CHECK-DAG: libc-callbacks.c:21:40: warning: call to 'malloc' may allocate on the heap [noalloc-call]
// CHECK-DAG: libc-callbacks.c:27:20: warning: call to 'make_table' may allocate on the heap [noalloc-call]
// CHECK-DAG: libc-callbacks.c:36:12: warning: call to 'malloc' may allocate on the heap [noalloc-call]
// CHECK-DAG: libc-callbacks.c:47:40: warning: call to 'by_copy' may allocate on the heap [noalloc-call]
// CHECK-DAG: libc-callbacks.c:54:41: warning: call to 'by_copy' may allocate on the heap [noalloc-call]
// CHECK-DAG: libc-callbacks.c:61:28: warning: call to 'by_copy' may allocate on the heap [noalloc-call]
// CHECK-DAG: libc-callbacks.c:71:16: warning: call to 'malloc' may allocate on the heap [noalloc-call]
// CHECK-DAG: libc-callbacks.c:81:48: warning: call to 'count_copy' may allocate on the heap [noalloc-call]
// CHECK-DAG: libc-callbacks.c:89:8: warning: call to 'malloc' may allocate on the heap [noalloc-call]
// CHECK-DAG: libc-callbacks.c:99:49: warning: call to 'list_copy' may allocate on the heap [noalloc-call]
// CHECK: noalloc: 10 findings in 1 file

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  int v[8] = {1, 2, 3, 4};
  size_t n = 4;
  void *tree = NULL;
  static int k1 = 3, k2 = 5;
  tsearch(&k1, &tree, by_value);
  tsearch(&k2, &tree, by_value);
  ORACLE_ALLOCATES("call_once's init routine", once_table());
  ORACLE_NO_HEAP("call_once with a flag", once_flag_only());
  ORACLE_ALLOCATES("lfind's comparator", find_copy(v, 4, 3));
  ORACLE_NO_HEAP("lfind", find_plain(v, 4, 3));
  ORACLE_ALLOCATES("lsearch's comparator", add_copy(v, &n, 3));
  ORACLE_NO_HEAP("lsearch", add_plain(v, &n, 3));
  ORACLE_ALLOCATES("tfind's comparator", tree_copy(&tree, 5));
  ORACLE_NO_HEAP("tfind", tree_plain(&tree, 5));
  ORACLE_ALLOCATES("twalk's action", walk_copy(tree));
  ORACLE_NO_HEAP("twalk", walk_plain(tree));
  ORACLE_ALLOCATES("dl_iterate_phdr's callback", objects_copy());
  ORACLE_NO_HEAP("dl_iterate_phdr", objects_plain());
}
#endif
