// A std::pmr container passed by reference to a function only this unit
// can call (internal linkage, not a member or a template, its address
// never taken) is bounded in it when every call passes a container over a
// bounded memory resource (bounded-resource.cpp): 'fill' pushes onto the
// caller's arena, which uses no heap while it has room; running out throws
// std::bad_alloc (1 block), a failure path noalloc-call reports as such
// ("may allocate only when it fails"). The twins allocate: a function one caller
// gives a container over the default resource ('fillAny'), and one other
// units can call ('fillShared'). Every label is the oracle's, with
// libstdc++ and libc++; every function is a root.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --config='{CheckOptions: {noalloc-call.ReportEveryCall: true}}' \
// RUN:   %s -- -std=c++17 | FileCheck %s --check-prefix=CALL --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --config='{CheckOptions: {noalloc-call.ReportEveryCall: true}}' \
// RUN:   %s -- -std=c++17 -stdlib=libc++ | FileCheck %s --check-prefix=CALL --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %oracle %s -- -std=c++17

#include <cstddef>
#include <memory_resource>
#include <vector>

#define ROOT [[clang::annotate("noalloc")]]

namespace {
ROOT int fill(std::pmr::vector<int> &v, int n) {
  for (int i = 0; i < n; ++i)
    v.push_back(i);
  // CALL: bounded-parameter.cpp:[[@LINE-1]]:7: warning: call to 'std::vector<int, std::pmr::polymorphic_allocator<int>>::push_back' may allocate only when it fails (throws 'std::bad_alloc') [noalloc-call]
  return (int)v.size();
}
ROOT int fillAny(std::pmr::vector<int> &v, int n) {
  for (int i = 0; i < n; ++i)
    v.push_back(i);
  // CALL: bounded-parameter.cpp:[[@LINE-1]]:7: warning: call to 'std::vector<int, std::pmr::polymorphic_allocator<int>>::push_back' may allocate on the heap [noalloc-call]
  return (int)v.size();
}
} // namespace
ROOT int fillShared(std::pmr::vector<int> &v, int n) {
  for (int i = 0; i < n; ++i)
    v.push_back(i);
  // CALL: bounded-parameter.cpp:[[@LINE-1]]:7: warning: call to 'std::vector<int, std::pmr::polymorphic_allocator<int>>::push_back' may allocate on the heap [noalloc-call]
  // CALL: bounded-parameter.cpp:[[@LINE-2]]:7: note: 'v' is a parameter: its memory resource is its callers', and noalloc shows it bounded only in a function that no other unit can call, when every call passes a bounded one
  return (int)v.size();
}

ROOT int bounded(int n) {
  std::byte buffer[256];
  std::pmr::monotonic_buffer_resource arena(buffer, sizeof buffer,
                                            std::pmr::null_memory_resource());
  std::pmr::vector<int> v(&arena);
  return fill(v, n);
  // CALL: bounded-parameter.cpp:[[@LINE-1]]:10: warning: call to 'fill' may allocate only when it fails (throws 'std::bad_alloc') [noalloc-call]
}
// fillAny's other caller: its container is bounded, the other one's not.
ROOT int mixed(int n) {
  std::byte buffer[256];
  std::pmr::monotonic_buffer_resource arena(buffer, sizeof buffer,
                                            std::pmr::null_memory_resource());
  std::pmr::vector<int> v(&arena);
  return fillAny(v, n);
  // CALL: bounded-parameter.cpp:[[@LINE-1]]:10: warning: call to 'fillAny' may allocate on the heap [noalloc-call]
}
ROOT int onTheHeap(int n) {
  std::pmr::vector<int> v;
  // CALL: bounded-parameter.cpp:[[@LINE-1]]:25: warning: call to 'std::vector<int, std::pmr::polymorphic_allocator<int>>::~vector' may release heap memory [noalloc-call]
  return fillAny(v, n);
  // CALL: bounded-parameter.cpp:[[@LINE-1]]:10: warning: call to 'fillAny' may allocate on the heap [noalloc-call]
}
// Not a label: within the arena it allocates nothing, but another unit
// may call fillShared with any container.
ROOT int sharedBounded(int n) {
  std::byte buffer[256];
  std::pmr::monotonic_buffer_resource arena(buffer, sizeof buffer,
                                            std::pmr::null_memory_resource());
  std::pmr::vector<int> v(&arena);
  return fillShared(v, n);
  // CALL: bounded-parameter.cpp:[[@LINE-1]]:10: warning: call to 'fillShared' may allocate on the heap [noalloc-call]
}

// JSON: "name": "fill",
// JSON: "verdict": "bounded"
// JSON: "name": "fillAny",
// JSON: "verdict": "allocates"
// JSON: "name": "fillShared",
// JSON: "verdict": "allocates"
// JSON: "name": "bounded",
// JSON: "verdict": "bounded"
// JSON: "name": "mixed",
// JSON: "verdict": "allocates"
// JSON: "name": "onTheHeap",
// JSON: "verdict": "allocates"
// JSON: "name": "sharedBounded",
// JSON: "verdict": "allocates"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
static int fillOnArena(int n) {
  std::byte buffer[256];
  std::pmr::monotonic_buffer_resource arena(buffer, sizeof buffer,
                                            std::pmr::null_memory_resource());
  std::pmr::vector<int> v(&arena);
  int size = 0;
  ORACLE_NO_HEAP("fill on a bounded arena, within it", size = fill(v, 16));
  ORACLE_ALLOCATES("fill on a bounded arena that runs out (std::bad_alloc)", size = fill(v, 1000));
  return size;
}
ORACLE_MAIN {
  fillOnArena(0);
  ORACLE_NO_HEAP("a caller of fill, within the arena", bounded(16));
  std::pmr::vector<int> heap;
  ORACLE_ALLOCATES("fillAny on the default resource", fillAny(heap, 16));
  std::pmr::vector<int> shared;
  ORACLE_ALLOCATES("fillShared, which another unit may give the default resource", fillShared(shared, 16));
  ORACLE_ALLOCATES("a caller of fillAny", onTheHeap(16));
}
#endif
