// Allocators release what they allocated: deallocate through std::allocator,
// std::allocator_traits, std::pmr::polymorphic_allocator and
// std::scoped_allocator_adaptor, and allocate/deallocate on a
// std::pmr::memory_resource, whose work is a virtual do_allocate compiled
// into the library. Every function here is a root, so releasing counts.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %oracle %s -- -std=c++17

#include <memory>
#include <memory_resource>
#include <scoped_allocator>

#define ROOT [[clang::annotate("noalloc")]]
using Scoped = std::scoped_allocator_adaptor<std::allocator<int>>;
using Traits = std::allocator_traits<std::allocator<int>>;

ROOT int *get(std::allocator<int> &a) { return a.allocate(4); }
// CHECK: deallocate.cpp:[[@LINE-1]]:50: warning: call to 'std::__new_allocator<int>::allocate' may allocate on the heap [noalloc-call]
// CHECK: deallocate.cpp:[[@LINE-2]]:11: note: 'get' must not allocate: it is a noalloc root
ROOT void put(std::allocator<int> &a, int *p) { a.deallocate(p, 4); }
// CHECK: deallocate.cpp:[[@LINE-1]]:51: warning: call to 'std::__new_allocator<int>::deallocate' may release heap memory [noalloc-call]
// CHECK: deallocate.cpp:[[@LINE-2]]:11: note: 'put' must not allocate: it is a noalloc root
ROOT void putTraits(std::allocator<int> &a, int *p) { Traits::deallocate(a, p, 4); }
// CHECK: deallocate.cpp:[[@LINE-1]]:55: warning: call to 'std::allocator_traits<std::allocator<int>>::deallocate' may release heap memory [noalloc-call]
// CHECK: deallocate.cpp:[[@LINE-2]]:11: note: 'putTraits' must not allocate: it is a noalloc root
ROOT void putScoped(Scoped &a, int *p) { a.deallocate(p, 4); }
// CHECK: deallocate.cpp:[[@LINE-1]]:44: warning: call to 'std::scoped_allocator_adaptor<std::allocator<int>>::deallocate' may release heap memory [noalloc-call]
// CHECK: deallocate.cpp:[[@LINE-2]]:11: note: 'putScoped' must not allocate: it is a noalloc root
ROOT void putPmr(std::pmr::polymorphic_allocator<int> &a, int *p) {
  a.deallocate(p, 4);
}
// CHECK: deallocate.cpp:[[@LINE-2]]:5: warning: call to 'std::pmr::polymorphic_allocator<int>::deallocate' may release heap memory [noalloc-call]
// CHECK: deallocate.cpp:[[@LINE-4]]:11: note: 'putPmr' must not allocate: it is a noalloc root
ROOT void *getResource(std::pmr::memory_resource &r) { return r.allocate(64); }
// CHECK: deallocate.cpp:[[@LINE-1]]:65: warning: call to 'std::pmr::memory_resource::allocate' may allocate on the heap [noalloc-call]
// CHECK: deallocate.cpp:[[@LINE-2]]:12: note: 'getResource' must not allocate: it is a noalloc root
ROOT void putResource(std::pmr::memory_resource &r, void *p) {
  r.deallocate(p, 64);
}
// CHECK: deallocate.cpp:[[@LINE-2]]:5: warning: call to 'std::pmr::memory_resource::deallocate' may release heap memory [noalloc-call]
// CHECK: deallocate.cpp:[[@LINE-4]]:11: note: 'putResource' must not allocate: it is a noalloc root

// Negative twins: reading an allocator does not touch the heap.
ROOT std::size_t most(std::allocator<int> &a) { return Traits::max_size(a); }
ROOT bool same(std::pmr::memory_resource &r, std::pmr::memory_resource &s) {
  return r.is_equal(s);
}

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  std::allocator<int> a;
  int *p = nullptr;
  ORACLE_ALLOCATES("std::allocator::allocate", p = get(a));
  ORACLE_RELEASES("std::allocator::deallocate", put(a, p));
  p = a.allocate(4);
  ORACLE_RELEASES("std::allocator_traits::deallocate", putTraits(a, p));
  Scoped sa;
  p = sa.allocate(4);
  ORACLE_RELEASES("std::scoped_allocator_adaptor::deallocate", putScoped(sa, p));
  std::pmr::polymorphic_allocator<int> pa(std::pmr::new_delete_resource());
  p = pa.allocate(4);
  ORACLE_RELEASES("std::pmr::polymorphic_allocator::deallocate", putPmr(pa, p));
  void *v = nullptr;
  std::pmr::memory_resource &heap = *std::pmr::new_delete_resource();
  ORACLE_ALLOCATES("memory_resource::allocate (new_delete_resource)", v = getResource(heap));
  ORACLE_RELEASES("memory_resource::deallocate (new_delete_resource)", putResource(heap, v));
  std::pmr::unsynchronized_pool_resource pool;
  ORACLE_ALLOCATES("memory_resource::allocate (unsynchronized_pool_resource)", v = getResource(pool));
  // The bounded case: a monotonic resource on a fixed buffer with no upstream.
  static char buffer[256];
  std::pmr::monotonic_buffer_resource fixed(buffer, sizeof buffer,
                                            std::pmr::null_memory_resource());
  ORACLE_NO_HEAP("memory_resource::allocate (monotonic on a buffer)", v = getResource(fixed));
  ORACLE_NO_HEAP("memory_resource::deallocate (monotonic on a buffer)", putResource(fixed, v));
  ORACLE_NO_HEAP("allocator_traits::max_size", most(a));
  ORACLE_NO_HEAP("memory_resource::is_equal", same(heap, fixed));
}
#endif
