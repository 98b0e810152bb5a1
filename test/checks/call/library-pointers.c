// A library function whose address is taken is a target of the calls
// through a pointer of its type, as a user function is, and is what a
// pointer holds when stored into it: allocators chosen at run time
// ('do_malloc = malloc') are followed.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <stdlib.h>

typedef void *(*alloc_fn)(size_t);
static alloc_fn do_malloc = malloc;
void *json_alloc(size_t n) { return do_malloc(n); }

// The negative twin: a pointer whose only target does not allocate.
typedef int (*map_fn)(int);
static int identity(int x) { return x; }
static map_fn pick = identity;
int apply(int x) { return pick(x); }

// CHECK: library-pointers.c:11:37: warning: call through 'do_malloc' may allocate on the heap [noalloc-call]
// CHECK: library-pointers.c:11:37: note: 'do_malloc' may be 'malloc', which is stored into it
// CHECK: library-pointers.c:11:37: note: 'malloc' allocates on the heap
