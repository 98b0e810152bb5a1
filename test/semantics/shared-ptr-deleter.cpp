// Releasing a std::shared_ptr's last owner (reset, its destructor) runs
// what its control block was made with: the deleter given to the
// constructor or to reset(), the destructor of make_shared's object, the
// deallocate of allocate_shared's allocator. The control block is a
// polymorphic library class whose virtual members (libstdc++'s _M_dispose
// and _M_destroy, libc++'s __on_zero_shared) nothing names: they join the
// facts where it is constructed, and the release reaches them. Any release
// may run any control block of the program, so each twin is a program of
// its own: NOISY=1 a deleter that allocates, 2 an object whose destructor
// does, 3 an allocator whose deallocate does; without NOISY they only
// free, and the releases release. Not with libc++ for the allocator:
// its __shared_weak_count::__release_weak, which calls the deallocating
// __on_zero_shared_weak, is compiled into libc++.so (the oracle measures
// it; noalloc sees 'releases').
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 -DNOISY=1 \
// RUN:   | FileCheck %s --check-prefix=DELETER
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 -DNOISY=1 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefix=DELETER
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 -DNOISY=2 \
// RUN:   | FileCheck %s --check-prefix=OBJECT
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 -DNOISY=2 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefix=OBJECT
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 -DNOISY=3 \
// RUN:   | FileCheck %s --check-prefix=ALLOCATOR
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=QUIET
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefix=QUIET
// RUN: %oracle %s -- -std=c++17 -DNOISY=1
// RUN: %oracle %s -- -std=c++17 -DNOISY=2
// RUN: %oracle %s -- -std=c++17 -DNOISY=3
// RUN: %oracle %s -- -std=c++17

#include <cstddef>
#include <memory>
#include <new>

#define ROOT [[clang::annotate("noalloc")]]

#ifndef NOISY
#define NOISY 0
#endif

int *leaked;

struct Deleter {
  void operator()(int *p) const {
#if NOISY == 1
    leaked = new int(*p);
#endif
    delete p;
  }
};

struct Object {
  int v = 0;
  ~Object() {
#if NOISY == 2
    leaked = new int(v);
#endif
  }
};

template <class T> struct Arena {
  using value_type = T;
  Arena() = default;
  template <class U> Arena(const Arena<U> &) {}
  T *allocate(std::size_t n) {
    return static_cast<T *>(::operator new(n * sizeof(T)));
  }
  void deallocate(T *p, std::size_t) {
#if NOISY == 3
    leaked = new int(0);
#endif
    ::operator delete(p);
  }
  template <class U> bool operator==(const Arena<U> &) const { return true; }
  template <class U> bool operator!=(const Arena<U> &) const { return false; }
};

std::shared_ptr<int> byDeleter(int v) {
  return std::shared_ptr<int>(new int(v), Deleter{});
}
void resetByDeleter(std::shared_ptr<int> &p, int v) {
  p.reset(new int(v), Deleter{});
}
std::shared_ptr<Object> byMakeShared() { return std::make_shared<Object>(); }
std::shared_ptr<int> byAllocator(int v) {
  return std::allocate_shared<int>(Arena<int>(), v);
}

ROOT void drop(std::shared_ptr<int> &p) { p.reset(); }
ROOT void finish(std::shared_ptr<int> &p) {
  std::shared_ptr<int> last = std::move(p);
}
ROOT void dropObject(std::shared_ptr<Object> &p) { p.reset(); }

// DELETER: "name": "drop",
// DELETER-NEXT: "usr":
// DELETER-NEXT: "verdict": "allocates"
// DELETER: "name": "finish",
// DELETER-NEXT: "usr":
// DELETER-NEXT: "verdict": "allocates"
// OBJECT: "name": "dropObject",
// OBJECT-NEXT: "usr":
// OBJECT-NEXT: "verdict": "allocates"
// ALLOCATOR: "name": "drop",
// ALLOCATOR-NEXT: "usr":
// ALLOCATOR-NEXT: "verdict": "allocates"
// QUIET: "name": "drop",
// QUIET-NEXT: "usr":
// QUIET-NEXT: "verdict": "releases"
// QUIET: "name": "finish",
// QUIET-NEXT: "usr":
// QUIET-NEXT: "verdict": "releases"
// QUIET: "name": "dropObject",
// QUIET-NEXT: "usr":
// QUIET-NEXT: "verdict": "releases"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  std::shared_ptr<int> p = byDeleter(1);
  std::shared_ptr<Object> o = byMakeShared();
  std::shared_ptr<int> a = byAllocator(3);
#if NOISY == 1
  ORACLE_ALLOCATES("shared_ptr::reset, a deleter that allocates", drop(p));
  resetByDeleter(p, 2);
  ORACLE_ALLOCATES("the last owner, a deleter given to reset()", finish(p));
#elif NOISY == 2
  ORACLE_ALLOCATES("shared_ptr::reset, make_shared's object allocates", dropObject(o));
#elif NOISY == 3
  ORACLE_ALLOCATES("shared_ptr::reset, allocate_shared's deallocate allocates", drop(a));
#else
  ORACLE_RELEASES("shared_ptr::reset, a deleter that frees", drop(p));
  resetByDeleter(p, 2);
  ORACLE_RELEASES("the last owner, a deleter given to reset()", finish(p));
  ORACLE_RELEASES("shared_ptr::reset, make_shared's object", dropObject(o));
  ORACLE_RELEASES("shared_ptr::reset, allocate_shared's allocator", drop(a));
#endif
}
#endif
