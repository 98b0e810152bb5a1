// Standard objects and calls in the first branch of 'if consteval' exist
// only during constant evaluation: noalloc-std-type does not report the
// vector, the string or make_unique in 'summed'. The twins in the branch
// that runs at run time are reported.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-std-type' %s -- -std=c++23 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-std-type' %s -- -std=c++23 -stdlib=libc++ \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %oracle %s -- -std=c++23

#include <memory>
#include <string>
#include <vector>

constexpr int summed(int X) {
  if consteval {
    std::vector<int> V{X, X};
    std::string S(40, 'x');
    auto P = std::make_unique<int>(X);
    return V[0] + V[1] + int(S.size()) + *P;
  } else {
    return X * 3 + 40;
  }
}
int tick(int X) { return summed(X); }

constexpr int counted(int X) {
  if consteval {
    return X * 3;
  } else {
    std::vector<int> V{X, X};
    auto P = std::make_unique<int>(X);
    return V[0] + V[1] + *P;
  }
}
int tock(int X) { return counted(X); }

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  ORACLE_NO_HEAP("objects of the compile-time branch", tick(1));
  ORACLE_ALLOCATES("objects of the run-time branch", tock(1));
}
#endif

// CHECK: if-consteval-objects.cpp:31:22: warning: variable 'V' of type 'std::vector<int>' allocates on the heap [noalloc-std-type]
// CHECK: if-consteval-objects.cpp:32:14: warning: call to 'std::make_unique' allocates on the heap [noalloc-std-type]
