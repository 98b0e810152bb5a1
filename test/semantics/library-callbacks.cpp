// A lambda converted to a function pointer and passed to a library
// function that calls it before it returns (std::qsort's comparator, the
// knowledge base's calls-argument) is a call of the caller, as a named
// function is (library-callbacks.c).
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
// RUN:   --config="{CheckOptions: {Roots: 'sort_boxed;sort_plain'}}" \
// RUN:   %s -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %oracle %s -- -std=c++17

#include <cstdlib>
#include <memory>

void sort_boxed(int *v, std::size_t n) {
  std::qsort(v, n, sizeof *v, [](const void *a, const void *b) {
    auto x = std::make_unique<int>(*static_cast<const int *>(a));
    return *x - *static_cast<const int *>(b);
  });
}
// CHECK: library-callbacks.cpp:[[@LINE-5]]:31: warning: call to 'lambda at library-callbacks.cpp:[[@LINE-5]]:31' may allocate on the heap [noalloc-call]
// CHECK: note: 'sort_boxed' must not allocate: it is a noalloc root
// CHECK: library-callbacks.cpp:[[@LINE-6]]:14: note: 'lambda at library-callbacks.cpp:[[@LINE-7]]:31' calls 'std::make_unique<int, const int &>', which may allocate on the heap
// CHECK: library-callbacks.cpp:[[@LINE-7]]:14: warning: call to 'std::make_unique<int, const int &>' may allocate on the heap [noalloc-call]
// CHECK: note: 'sort_boxed' must not allocate: it is a noalloc root
// CHECK: library-callbacks.cpp:[[@LINE-10]]:31: note: 'sort_boxed' calls 'lambda at library-callbacks.cpp:[[@LINE-10]]:31'
// CHECK: noalloc: 2 findings in 1 file

// The twin: a comparator that only reads (qsort of fewer than 1 KiB
// only may allocate, which the default policy does not report).
void sort_plain(int *v, std::size_t n) {
  std::qsort(v, n, sizeof *v, [](const void *a, const void *b) {
    return *static_cast<const int *>(a) - *static_cast<const int *>(b);
  });
}

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  int v[10] = {5, 3, 9, 1, 7, 2, 8, 6, 4, 0};
  ORACLE_ALLOCATES("sort_boxed", sort_boxed(v, 10));
  ORACLE_NO_HEAP("sort_plain", sort_plain(v, 10));
}
#endif
