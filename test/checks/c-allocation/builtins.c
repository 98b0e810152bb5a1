// The compiler's builtins of library functions are those functions:
// __builtin_malloc allocates like malloc, __builtin_free releases like free,
// and __builtin_strlen, like strlen, does not allocate (its negative twin).
// RUN: %expect-exit 1 %noalloc %s -- | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 0 %clang-tidy-noalloc -checks='-*,noalloc-*' %s -- | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

void *raw(void) { return __builtin_malloc(4); }
void drop(void *p) { __builtin_free(p); }
void *user(void) { return raw(); }
unsigned long len(const char *s) { return __builtin_strlen(s); }

// CHECK: builtins.c:7:26: warning: call to '__builtin_malloc' allocates on the heap [noalloc-c-allocation]
// CHECK: builtins.c:8:22: warning: call to '__builtin_free' releases heap memory [noalloc-c-allocation]
// CHECK: builtins.c:9:27: warning: call to 'raw' may allocate on the heap [noalloc-call]
// CHECK: builtins.c:7:26: note: 'raw' calls '__builtin_malloc', which allocates on the heap

// The compiler's own builtins are not calls: a root that uses va_end and
// isnan is allocation-free, not "cannot show".
// RUN: %expect-exit 0 %noalloc --checks='-*,noalloc-call' --config="{CheckOptions: {Roots: 'sum'}}" %s -- | count 0
#include <math.h>
#include <stdarg.h>
int sum(int n, ...) {
  va_list ap;
  va_start(ap, n);
  int s = va_arg(ap, int);
  va_end(ap);
  return s + isnan(1.0);
}
