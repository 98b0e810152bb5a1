// A C library function is the library's whatever namespace declares it: C
// has no namespaces, so 'namespace n { extern "C" void *malloc(size_t); }'
// and 'using std::malloc' name libc's malloc, and strdup declared in a
// namespace is libc's strdup. Matched by C linkage, not by spelling: a
// function of the same name with C++ linkage is not (its negative twin, not
// defined here, is unseen code). noalloc-call leaves each call to
// noalloc-c-allocation, which reports it; the oracle confirms them.
// RUN: %expect-exit 1 %noalloc %s -- -std=c++17 | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 0 %clang-tidy-noalloc -checks='-*,noalloc-*' %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=TIDY --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %oracle %s -- -std=c++17

#include <cstddef>
#include <cstdlib>

namespace n {
extern "C" void *malloc(std::size_t);
}
namespace m {
extern "C" {
char *strdup(const char *);
}
} // namespace m
namespace mine {
void *malloc(std::size_t); // C++ linkage: not libc's
}

void *declaredInNamespace() { return n::malloc(4); }
// CHECK: c-linkage.cpp:[[@LINE-1]]:38: warning: call to 'n::malloc' allocates on the heap [noalloc-c-allocation]
// TIDY: c-linkage.cpp:[[@LINE-2]]:38: warning: call to 'n::malloc' allocates on the heap [noalloc-c-allocation]
void *usingStd() {
  using std::malloc;
  return malloc(4);
  // CHECK: c-linkage.cpp:[[@LINE-1]]:10: warning: call to 'malloc' allocates on the heap [noalloc-c-allocation]
  // TIDY: c-linkage.cpp:[[@LINE-2]]:10: warning: call to 'malloc' allocates on the heap [noalloc-c-allocation]
}
char *copied(const char *s) { return m::strdup(s); }
// CHECK: c-linkage.cpp:[[@LINE-1]]:38: warning: call to 'm::strdup' allocates on the heap [noalloc-c-allocation]
// TIDY: c-linkage.cpp:[[@LINE-2]]:38: warning: call to 'm::strdup' allocates on the heap [noalloc-c-allocation]
void release(void *p) { std::free(p); }
// CHECK: c-linkage.cpp:[[@LINE-1]]:25: warning: call to 'free' releases heap memory [noalloc-c-allocation]
// TIDY: c-linkage.cpp:[[@LINE-2]]:25: warning: call to 'free' releases heap memory [noalloc-c-allocation]

#ifndef NOALLOC_ORACLE
// Not libc's: its own function, defined in no analysed file.
void *sameName() { return mine::malloc(4); }
// TIDY: c-linkage.cpp:[[@LINE-1]]:27: warning: call to 'mine::malloc' has no body or knowledge-base entry; noalloc cannot tell whether it allocates [noalloc-unknown-call]
#endif

// JSON: "name": "declaredInNamespace",
// JSON: "verdict": "allocates"
// JSON: "name": "usingStd",
// JSON: "verdict": "allocates"
// JSON: "name": "copied",
// JSON: "verdict": "allocates"
// JSON: "name": "release",
// JSON: "verdict": "releases"
// JSON: "name": "sameName",
// JSON: "verdict": "unknown"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  void *p = nullptr, *q = nullptr;
  char *s = nullptr;
  ORACLE_ALLOCATES("n::malloc", p = declaredInNamespace());
  ORACLE_ALLOCATES("malloc through 'using std::malloc'", q = usingStd());
  ORACLE_ALLOCATES("m::strdup", s = copied("text"));
  ORACLE_RELEASES("std::free", release(p));
  std::free(q);
  std::free(s);
}
#endif
