// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-c-allocation' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// The same findings through clang-tidy and the plugin:
// RUN: %expect-exit 0 %clang-tidy-noalloc -checks='-*,noalloc-c-allocation' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void family(std::size_t n) {
  void *a = malloc(n);
  // CHECK: c-allocation.cpp:[[@LINE-1]]:13: warning: call to 'malloc' allocates on the heap [noalloc-c-allocation]
  // CHECK: c-allocation.cpp:[[@LINE-2]]:13: note: no fix: the number of bytes is not a constant
  void *b = std::calloc(n, 4);
  // CHECK: c-allocation.cpp:[[@LINE-1]]:13: warning: call to 'calloc' allocates on the heap [noalloc-c-allocation]
  // CHECK: c-allocation.cpp:[[@LINE-2]]:13: note: no fix: the number of bytes is not a constant
  a = realloc(a, 2 * n);
  // CHECK: c-allocation.cpp:[[@LINE-1]]:7: warning: call to 'realloc' reallocates heap memory [noalloc-c-allocation]
  void *c = aligned_alloc(64, 256);
  // CHECK: c-allocation.cpp:[[@LINE-1]]:13: warning: call to 'aligned_alloc' allocates on the heap [noalloc-c-allocation]
  void *d = nullptr;
  posix_memalign(&d, 64, 256);
  // CHECK: c-allocation.cpp:[[@LINE-1]]:3: warning: call to 'posix_memalign' allocates on the heap [noalloc-c-allocation]
  free(a);
  // CHECK: c-allocation.cpp:[[@LINE-1]]:3: warning: call to 'free' releases heap memory [noalloc-c-allocation]
  std::free(b);
  // CHECK: c-allocation.cpp:[[@LINE-1]]:3: warning: call to 'free' releases heap memory [noalloc-c-allocation]
  (void)c;
}

void strings(const char *s, FILE *in) {
  char *copy = strdup(s);
  // CHECK: c-allocation.cpp:[[@LINE-1]]:16: warning: call to 'strdup' allocates on the heap [noalloc-c-allocation]
  char *line = nullptr;
  std::size_t cap = 0;
  getline(&line, &cap, in);
  // CHECK: c-allocation.cpp:[[@LINE-1]]:3: warning: call to 'getline' allocates on the heap [noalloc-c-allocation]
  char *formatted = nullptr;
  asprintf(&formatted, "%s", s);
  // CHECK: c-allocation.cpp:[[@LINE-1]]:3: warning: call to 'asprintf' allocates on the heap [noalloc-c-allocation]
  (void)copy;
}

// realpath and getcwd allocate only when given no buffer.
void buffers(const char *path, char *maybe) {
  char *r = realpath(path, nullptr);
  // CHECK: c-allocation.cpp:[[@LINE-1]]:13: warning: call to 'realpath' with a null argument 2 allocates on the heap [noalloc-c-allocation]
  char *w = getcwd(NULL, 0);
  // CHECK: c-allocation.cpp:[[@LINE-1]]:13: warning: call to 'getcwd' with a null argument 1 allocates on the heap [noalloc-c-allocation]
  realpath(path, maybe);
  // CHECK: c-allocation.cpp:[[@LINE-1]]:3: warning: call to 'realpath' allocates on the heap when argument 2 is null [noalloc-c-allocation]
  char fixed[PATH_MAX];
  realpath(path, fixed);
  getcwd(fixed, sizeof fixed);
  (void)r;
  (void)w;
}

// A macro is reported where it is used.
#define DUP(s) strdup(s)
char *viaMacro(const char *s) {
  return DUP(s);
  // CHECK: c-allocation.cpp:[[@LINE-1]]:10: warning: call to 'strdup' allocates on the heap [noalloc-c-allocation]
  // CHECK: c-allocation.cpp:[[@LINE-4]]:16: note: expanded from macro 'DUP'
}

// Negative twins: allocation-free libc, functions that allocate only in
// unusual cases (off by default), and look-alikes that are not libc.
namespace pool {
void *malloc(std::size_t);
}
struct Allocator {
  void *malloc(std::size_t);
};
void clean(char *dst, const char *src, std::size_t n, Allocator &a) {
  std::memcpy(dst, src, n);
  std::size_t len = strlen(src);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%zu", len);
  std::printf("%s\n", buffer);
  pool::malloc(n);
  a.malloc(n);
  std::qsort(nullptr, 0, 1, nullptr);
}
