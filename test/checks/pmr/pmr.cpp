// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-pmr,noalloc-std-type' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// The same findings through clang-tidy and the plugin:
// RUN: %expect-exit 0 %clang-tidy-noalloc -checks='-*,noalloc-pmr,noalloc-std-type' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// A project's own pool allocator, listed as heap-free, is not reported.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-pmr' --knowledge=%S/Inputs/pool.yaml %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=POOL --implicit-check-not='{{warning|error|note}}:'

#include <cstddef>
#include <memory_resource>
#include <string>
#include <vector>

template <typename T> struct PoolAllocator {
  using value_type = T;
  T *allocate(std::size_t n);
  void deallocate(T *p, std::size_t n);
};
template <typename T, typename U>
bool operator==(const PoolAllocator<T> &, const PoolAllocator<U> &) { return true; }
template <typename T, typename U>
bool operator!=(const PoolAllocator<T> &, const PoolAllocator<U> &) { return false; }

// Each is given to a function that may grow it (an empty container that
// is only read allocates nothing: test/semantics/value-semantics.cpp).
void keep(std::pmr::vector<int> &, std::pmr::string &,
          std::vector<int, PoolAllocator<int>> &, std::vector<int> &);

void resources() {
  std::pmr::vector<int> samples;
  // CHECK: pmr.cpp:[[@LINE-1]]:25: warning: variable 'samples' of type 'std::pmr::vector<int>' allocates from its memory resource, which may be the heap [noalloc-pmr]
  // POOL: pmr.cpp:[[@LINE-2]]:25: warning: variable 'samples' of type 'std::pmr::vector<int>' allocates from its memory resource, which may be the heap [noalloc-pmr]
  std::pmr::string name;
  // CHECK: pmr.cpp:[[@LINE-1]]:20: warning: variable 'name' of type 'std::pmr::string' allocates from its memory resource, which may be the heap [noalloc-pmr]
  // POOL: pmr.cpp:[[@LINE-2]]:20: warning: variable 'name' of type 'std::pmr::string' allocates from its memory resource, which may be the heap [noalloc-pmr]
  std::vector<int, PoolAllocator<int>> pooled;
  // CHECK: pmr.cpp:[[@LINE-1]]:40: warning: variable 'pooled' of type 'std::vector<int, PoolAllocator<int>>' allocates through allocator 'PoolAllocator<int>' [noalloc-pmr]
  std::vector<int> plain;
  // CHECK: pmr.cpp:[[@LINE-1]]:20: warning: variable 'plain' of type 'std::vector<int>' allocates on the heap [noalloc-std-type]
  // CHECK: pmr.cpp:[[@LINE-2]]:20: note: no fix: 'plain' escapes: it is used as a whole (passed, returned or assigned)
  keep(samples, name, pooled, plain);
}
