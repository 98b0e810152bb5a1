// A library function that calls a function it is given before it returns
// (the knowledge base's calls-argument: qsort's and bsearch's comparator,
// pthread_once's init routine) runs that function as a call of the
// caller: a lazy initialisation through pthread_once that mallocs is the
// root's allocation. Before, pthread_once was unknown and the init
// routine a function whose address is taken: a root that called it was
// clean. Found by the newcomer trial on FreeRTOS's POSIX port
// (prvMarkAsFreeRTOSThread: pthread_once(&once, prvInitThreadKey)).
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
// RUN:   --config="{CheckOptions: {Roots: 'lazy_buffer;lazy_flag;sort_copies;sort_ints;find_copy;find_int;sort_r_copies'}}" \
// RUN:   %s -- 2>&1 | FileCheck %s --implicit-check-not='{{warning|error}}:'
// The twins' library calls are known: no unknown call under the strict
// policy either.
// RUN: %noalloc --checks='-*,noalloc-call' \
// RUN:   --config="{CheckOptions: {Roots: 'lazy_flag;find_int', Policy: strict}}" \
// RUN:   %s -- 2>&1 | FileCheck %s --check-prefix=STRICT --implicit-check-not='{{warning|error}}:'
// STRICT: noalloc: 0 findings in 1 file
// RUN: %oracle %s --

#define _GNU_SOURCE
#include <pthread.h>
#include <stdlib.h>

static char *buffer;
static void make_buffer(void) { buffer = malloc(64); }
// CHECK: library-callbacks.c:[[@LINE-1]]:42: warning: call to 'malloc' may allocate on the heap [noalloc-call]
// CHECK: note: 'lazy_buffer' must not allocate: it is a noalloc root
// CHECK: library-callbacks.c:[[@LINE+4]]:23: note: 'lazy_buffer' calls 'make_buffer'

void lazy_buffer(void) {
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  pthread_once(&once, make_buffer);
}
// CHECK: library-callbacks.c:[[@LINE-2]]:23: warning: call to 'make_buffer' may allocate on the heap [noalloc-call]
// CHECK: note: 'lazy_buffer' must not allocate: it is a noalloc root
// CHECK: library-callbacks.c:[[@LINE-11]]:42: note: 'make_buffer' calls 'malloc', which allocates on the heap

// The twin: an init routine that only writes a flag.
static int ready;
static void set_ready(void) { ready = 1; }

void lazy_flag(void) {
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  pthread_once(&once, set_ready);
}

// A comparator that copies what it compares.
static int by_copy(const void *a, const void *b) {
  int *x = malloc(sizeof *x);
  // CHECK: library-callbacks.c:[[@LINE-1]]:12: warning: call to 'malloc' may allocate on the heap [noalloc-call]
  // CHECK: note: 'sort_copies' must not allocate: it is a noalloc root
  *x = *(const int *)a;
  int r = *x - *(const int *)b;
  free(x);
  return r;
}

static int by_value(const void *a, const void *b) {
  return *(const int *)a - *(const int *)b;
}

void sort_copies(int *v, size_t n) { qsort(v, n, sizeof *v, by_copy); }
// CHECK: library-callbacks.c:[[@LINE-1]]:61: warning: call to 'by_copy' may allocate on the heap [noalloc-call]
// CHECK: note: 'sort_copies' must not allocate: it is a noalloc root
// CHECK: note: 'by_copy' calls 'malloc', which allocates on the heap

// The twin: qsort itself only may allocate (1 KiB or more), which the
// default policy does not report.
void sort_ints(int *v, size_t n) { qsort(v, n, sizeof *v, by_value); }

int *find_copy(int *v, size_t n, int key) {
  return bsearch(&key, v, n, sizeof *v, &by_copy);
}
// CHECK: library-callbacks.c:[[@LINE-2]]:41: warning: call to 'by_copy' may allocate on the heap [noalloc-call]
// CHECK: note: 'find_copy' must not allocate: it is a noalloc root

int *find_int(int *v, size_t n, int key) {
  return bsearch(&key, v, n, sizeof *v, &by_value);
}

static int by_copy_r(const void *a, const void *b, void *arg) {
  (void)arg;
  return by_copy(a, b);
}
// CHECK: library-callbacks.c:[[@LINE-2]]:10: warning: call to 'by_copy' may allocate on the heap [noalloc-call]
// CHECK: note: 'sort_r_copies' must not allocate: it is a noalloc root

void sort_r_copies(int *v, size_t n) {
  qsort_r(v, n, sizeof *v, by_copy_r, NULL);
}
// CHECK: library-callbacks.c:[[@LINE-2]]:28: warning: call to 'by_copy_r' may allocate on the heap [noalloc-call]
// CHECK: note: 'sort_r_copies' must not allocate: it is a noalloc root
// CHECK: note: 'by_copy_r' calls 'by_copy'
// CHECK: noalloc: 7 findings in 1 file

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  int v[10] = {5, 3, 9, 1, 7, 2, 8, 6, 4, 0};
  ORACLE_ALLOCATES("lazy_buffer", lazy_buffer());
  ORACLE_NO_HEAP("lazy_flag", lazy_flag());
  ORACLE_ALLOCATES("sort_copies", sort_copies(v, 10));
  ORACLE_NO_HEAP("sort_ints", sort_ints(v, 10));
  ORACLE_ALLOCATES("find_copy", find_copy(v, 10, 7));
  ORACLE_NO_HEAP("find_int", find_int(v, 10, 7));
  ORACLE_ALLOCATES("sort_r_copies", sort_r_copies(v, 10));
}
#endif
