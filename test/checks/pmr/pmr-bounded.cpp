// A std::pmr container over a bounded memory resource (a fixed buffer with
// null_memory_resource() upstream, a pool over one) uses no heap while the
// buffer has room (running out throws std::bad_alloc, a failure path that
// noalloc-call reports): noalloc-pmr leaves it out, and lists it with
// ReportBounded. The negative
// twins are reported either way: the default upstream, new_delete_resource(),
// a parameter, a pointer that is reassigned, a pool with the default upstream.
// Runtime counts: test/semantics/bounded-resource.cpp.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-pmr' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-pmr' %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-pmr' --config='{CheckOptions: {noalloc-pmr.ReportBounded: true}}' \
// RUN:   %s -- -std=c++17 | FileCheck %s --check-prefixes=CHECK,BOUNDED --implicit-check-not='{{warning|error|note}}:'
// The same through clang-tidy and the plugin:
// RUN: %expect-exit 0 %clang-tidy-noalloc -checks='-*,noalloc-pmr' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 0 %clang-tidy-noalloc -checks='-*,noalloc-pmr' -config='{CheckOptions: {noalloc-pmr.ReportBounded: true}}' \
// RUN:   %s -- -std=c++17 | FileCheck %s --check-prefixes=CHECK,BOUNDED --implicit-check-not='{{warning|error|note}}:'
// The option is stored: --dump-config shows it.
// RUN: %noalloc --checks='-*,noalloc-pmr' --config='{CheckOptions: {noalloc-pmr.ReportBounded: true}}' --dump-config %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=CONFIG
// CONFIG: noalloc-pmr.ReportBounded: 'true'

#include <cstddef>
#include <memory_resource>
#include <string>
#include <vector>

void keep(std::pmr::vector<int> &);

std::byte Buffer[4096];
// A resource at namespace scope, bounded: containers over it are too.
std::pmr::monotonic_buffer_resource Shared(Buffer, sizeof Buffer,
                                           std::pmr::null_memory_resource());

void bounded() {
  std::byte buffer[1024];
  std::pmr::monotonic_buffer_resource arena(buffer, sizeof buffer,
                                            std::pmr::null_memory_resource());
  std::pmr::vector<int> samples(&arena);
  // BOUNDED: pmr-bounded.cpp:[[@LINE-1]]:25: warning: variable 'samples' of type 'std::pmr::vector<int>' allocates from bounded memory resource 'arena': no heap while it has room; when exhausted it throws 'std::bad_alloc', whose exception object is allocated on the heap [noalloc-pmr]
  std::pmr::string name("sensor", &arena);
  // BOUNDED: pmr-bounded.cpp:[[@LINE-1]]:20: warning: variable 'name' of type 'std::pmr::string' allocates from bounded memory resource 'arena': no heap while it has room; when exhausted it throws 'std::bad_alloc', whose exception object is allocated on the heap [noalloc-pmr]
  std::pmr::unsynchronized_pool_resource pool(&arena);
  std::pmr::polymorphic_allocator<int> alloc(&pool);
  std::pmr::vector<int> pooled(alloc);
  // BOUNDED: pmr-bounded.cpp:[[@LINE-1]]:25: warning: variable 'pooled' of type 'std::pmr::vector<int>' allocates from bounded memory resource 'pool': no heap while it has room; when exhausted it throws 'std::bad_alloc', whose exception object is allocated on the heap [noalloc-pmr]
  std::pmr::memory_resource &ref = arena;
  std::pmr::vector<int> byReference(&ref);
  // BOUNDED: pmr-bounded.cpp:[[@LINE-1]]:25: warning: variable 'byReference' of type 'std::pmr::vector<int>' allocates from bounded memory resource 'arena': no heap while it has room; when exhausted it throws 'std::bad_alloc', whose exception object is allocated on the heap [noalloc-pmr]
  std::pmr::vector<int> none(std::pmr::null_memory_resource());
  // BOUNDED: pmr-bounded.cpp:[[@LINE-1]]:25: warning: variable 'none' of type 'std::pmr::vector<int>' allocates from bounded memory resource 'std::pmr::null_memory_resource()': no heap while it has room; when exhausted it throws 'std::bad_alloc', whose exception object is allocated on the heap [noalloc-pmr]
  std::pmr::vector<int> global(&Shared);
  // BOUNDED: pmr-bounded.cpp:[[@LINE-1]]:25: warning: variable 'global' of type 'std::pmr::vector<int>' allocates from bounded memory resource 'Shared': no heap while it has room; when exhausted it throws 'std::bad_alloc', whose exception object is allocated on the heap [noalloc-pmr]
  keep(samples), keep(pooled), keep(byReference), keep(none), keep(global);
  name += "s";
}

// The negative twins: the heap may be upstream, or noalloc cannot follow
// the resource.
void unbounded(std::pmr::memory_resource *given) {
  std::byte buffer[1024];
  std::pmr::monotonic_buffer_resource fallback(buffer, sizeof buffer);
  std::pmr::vector<int> overflowing(&fallback);
  // CHECK: pmr-bounded.cpp:[[@LINE-1]]:25: warning: variable 'overflowing' of type 'std::pmr::vector<int>' allocates from its memory resource, which may be the heap [noalloc-pmr]
  std::pmr::monotonic_buffer_resource heap(std::pmr::new_delete_resource());
  std::pmr::vector<int> onHeap(&heap);
  // CHECK: pmr-bounded.cpp:[[@LINE-1]]:25: warning: variable 'onHeap' of type 'std::pmr::vector<int>' allocates from its memory resource, which may be the heap [noalloc-pmr]
  std::pmr::vector<int> parameter(given);
  // CHECK: pmr-bounded.cpp:[[@LINE-1]]:25: warning: variable 'parameter' of type 'std::pmr::vector<int>' allocates from its memory resource, which may be the heap [noalloc-pmr]
  std::pmr::memory_resource *pointer = &heap;
  pointer = std::pmr::null_memory_resource();
  std::pmr::vector<int> reassigned(pointer);
  // CHECK: pmr-bounded.cpp:[[@LINE-1]]:25: warning: variable 'reassigned' of type 'std::pmr::vector<int>' allocates from its memory resource, which may be the heap [noalloc-pmr]
  std::pmr::unsynchronized_pool_resource pool;
  std::pmr::vector<int> defaultPool(&pool);
  // CHECK: pmr-bounded.cpp:[[@LINE-1]]:25: warning: variable 'defaultPool' of type 'std::pmr::vector<int>' allocates from its memory resource, which may be the heap [noalloc-pmr]
  keep(overflowing), keep(onHeap), keep(parameter), keep(reassigned),
      keep(defaultPool);
}
