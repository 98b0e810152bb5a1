// A std::pmr container over a bounded memory resource, a
// monotonic_buffer_resource on a fixed buffer with null_memory_resource()
// upstream (or a pool over one), uses no heap while the buffer has room:
// running out throws std::bad_alloc, whose exception object is the only heap
// memory: for 1000 ints on a 256-byte buffer the oracle counts exactly 1 with
// both libraries, against 5 when the default upstream, new_delete_resource(),
// takes over; within the buffer neither uses the heap. So a call that takes
// memory from it (push_back, resize, emplace_back, constructing a long
// string) may allocate only when it fails: its verdict is 'bounded',
// noalloc-call reports it as a failure path, and FailurePaths: accept
// accepts it. A call that only gives memory back or does not touch the
// resource (destructors, clear, release, size) is no failure path: 'arenaOnly'
// gets no warning under either policy. The negative twins stay allocating:
// the default upstream, new_delete_resource(), a resource given as a
// parameter, std::string elements (they copy themselves onto the heap) and
// substr (a new string over the default resource). Every function is a root,
// so releasing counts.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --config='{CheckOptions: {noalloc-call.ReportEveryCall: true}}' \
// RUN:   %s -- -std=c++17 | FileCheck %s --check-prefixes=CALL,BOUNDED --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --config='{CheckOptions: {noalloc-call.ReportEveryCall: true}}' \
// RUN:   %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefixes=CALL,BOUNDED,CALL-LIBCXX --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --config='{CheckOptions: {noalloc-call.ReportEveryCall: true, noalloc-call.FailurePaths: accept}}' \
// RUN:   %s -- -std=c++17 | FileCheck %s --check-prefix=CALL --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --config='{CheckOptions: {noalloc-call.ReportEveryCall: true, noalloc-call.FailurePaths: accept}}' \
// RUN:   %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefixes=CALL,CALL-LIBCXX --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --config='{CheckOptions: {noalloc-call.FailurePaths: accept}}' \
// RUN:   --format=json %s -- -std=c++17 | FileCheck %s --check-prefix=JSON-ACCEPT
// RUN: %noalloc --checks='-*,noalloc-call' --explain=bounded %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --check-prefix=EXPLAIN
// RUN: %oracle %s -- -std=c++17 | FileCheck %s --check-prefix=ORACLE

#include <cstddef>
#include <memory_resource>
#include <new>
#include <string>
#include <vector>

#define ROOT [[clang::annotate("noalloc")]]

// A monotonic resource on a fixed buffer with no upstream: bounded. When it
// runs out it throws std::bad_alloc, whose exception object is the only heap
// memory. Making and destroying the arena and the vector take nothing.
// EXPLAIN: 'bounded' may use the heap by 1 path:
ROOT int bounded(int n) {
  std::byte buffer[256];
  std::pmr::monotonic_buffer_resource arena(buffer, sizeof buffer,
                                            std::pmr::null_memory_resource());
  std::pmr::vector<int> v(&arena);
  for (int i = 0; i < n; ++i)
    v.push_back(i);
  // BOUNDED: bounded-resource.cpp:[[@LINE-1]]:7: warning: call to 'std::vector<int, std::pmr::polymorphic_allocator<int>>::push_back' may allocate only when it fails (throws 'std::bad_alloc') [noalloc-call]
  // BOUNDED: bounded-resource.cpp:[[@LINE-2]]:7: note: 'std::vector<int, std::pmr::polymorphic_allocator<int>>::push_back' allocates from a bounded memory resource: no heap while it has room; when exhausted it throws 'std::bad_alloc', whose exception object is allocated on the heap
  // EXPLAIN: bounded-resource.cpp:[[@LINE-3]]:7: 'bounded' calls 'std::vector<int, std::pmr::polymorphic_allocator<int>>::push_back', which allocates from a bounded memory resource: no heap while it has room; when exhausted it throws 'std::bad_alloc', whose exception object is allocated on the heap
  return (int)v.size();
}
// Its twin: the same arena and vector, only made, cleared, measured,
// released and destroyed: no call takes memory from the arena, so none can
// exhaust it.
ROOT int arenaOnly() {
  std::byte buffer[256];
  std::pmr::monotonic_buffer_resource arena(buffer, sizeof buffer,
                                            std::pmr::null_memory_resource());
  std::pmr::vector<int> v(&arena);
  v.clear();
  int n = (int)v.size();
  arena.release();
  return n;
}
// Its twin: when it runs out, the default upstream, new_delete_resource(),
// takes over.
ROOT int defaultUpstream(int n) {
  std::byte buffer[256];
  std::pmr::monotonic_buffer_resource arena(buffer, sizeof buffer);
  // CALL-LIBCXX: bounded-resource.cpp:[[@LINE-1]]:39: warning: call to 'std::pmr::monotonic_buffer_resource::~monotonic_buffer_resource' may release heap memory [noalloc-call]
  std::pmr::vector<int> v(&arena);
  // CALL: bounded-resource.cpp:[[@LINE-1]]:25: warning: call to 'std::vector<int, std::pmr::polymorphic_allocator<int>>::~vector' may release heap memory [noalloc-call]
  for (int i = 0; i < n; ++i)
    v.push_back(i);
  // CALL: bounded-resource.cpp:[[@LINE-1]]:7: warning: call to 'std::vector<int, std::pmr::polymorphic_allocator<int>>::push_back' may allocate on the heap [noalloc-call]
  return (int)v.size();
}
// A pool over a bounded arena, through a polymorphic_allocator.
ROOT int pooled() {
  std::byte buffer[8192];
  std::pmr::monotonic_buffer_resource arena(buffer, sizeof buffer,
                                            std::pmr::null_memory_resource());
  std::pmr::unsynchronized_pool_resource pool(&arena);
  std::pmr::polymorphic_allocator<int> alloc(&pool);
  std::pmr::vector<int> v(alloc);
  v.resize(16);
  // BOUNDED: bounded-resource.cpp:[[@LINE-1]]:5: warning: call to 'std::vector<int, std::pmr::polymorphic_allocator<int>>::resize' may allocate only when it fails (throws 'std::bad_alloc') [noalloc-call]
  return (int)v.size();
}
// Strings that take the container's resource (uses-allocator construction).
ROOT int pmrStrings() {
  std::byte buffer[1024];
  std::pmr::monotonic_buffer_resource arena(buffer, sizeof buffer,
                                            std::pmr::null_memory_resource());
  std::pmr::vector<std::pmr::string> v(&arena);
  v.emplace_back("a string longer than any small-string buffer");
  // BOUNDED: bounded-resource.cpp:[[@LINE-1]]:5: warning: call to '{{.*}}::emplace_back<const char (&)[45]>' may allocate only when it fails (throws 'std::bad_alloc') [noalloc-call]
  return (int)v.size();
}
// Its twin: std::string elements copy themselves onto the heap.
ROOT int heapStrings(const std::string &s) {
  std::byte buffer[1024];
  std::pmr::monotonic_buffer_resource arena(buffer, sizeof buffer,
                                            std::pmr::null_memory_resource());
  std::pmr::vector<std::string> v(&arena);
  // CALL: bounded-resource.cpp:[[@LINE-1]]:33: warning: call to 'std::vector<std::string, std::pmr::polymorphic_allocator<std::string>>::~vector' may release heap memory [noalloc-call]
  v.push_back(s);
  // CALL: bounded-resource.cpp:[[@LINE-1]]:5: warning: call to 'std::vector<std::string, std::pmr::polymorphic_allocator<std::string>>::push_back' may allocate on the heap [noalloc-call]
  return (int)v.size();
}
// A new string from a bounded one: substr uses the default resource.
ROOT std::size_t sliced() {
  std::byte buffer[1024];
  std::pmr::monotonic_buffer_resource arena(buffer, sizeof buffer,
                                            std::pmr::null_memory_resource());
  std::pmr::string s("a string longer than any small-string buffer", &arena);
  // BOUNDED: bounded-resource.cpp:[[@LINE-1]]:20: warning: call to 'std::basic_string<char, std::char_traits<char>, std::pmr::polymorphic_allocator<char>>::basic_string' may allocate only when it fails (throws 'std::bad_alloc') [noalloc-call]
  std::pmr::string t = s.substr(1);
  // CALL: bounded-resource.cpp:[[@LINE-1]]:20: warning: call to 'std::basic_string<char, std::char_traits<char>, std::pmr::polymorphic_allocator<char>>::~basic_string' may release heap memory [noalloc-call]
  // CALL: bounded-resource.cpp:[[@LINE-2]]:26: warning: call to 'std::basic_string<char, std::char_traits<char>, std::pmr::polymorphic_allocator<char>>::substr' may allocate on the heap [noalloc-call]
  return t.size();
}
// A resource noalloc cannot follow: a parameter.
ROOT int given(std::pmr::memory_resource *r) {
  std::pmr::vector<int> v(r);
  // CALL: bounded-resource.cpp:[[@LINE-1]]:25: warning: call to 'std::vector<int, std::pmr::polymorphic_allocator<int>>::~vector' may release heap memory [noalloc-call]
  v.push_back(1);
  // CALL: bounded-resource.cpp:[[@LINE-1]]:5: warning: call to 'std::vector<int, std::pmr::polymorphic_allocator<int>>::push_back' may allocate on the heap [noalloc-call]
  return (int)v.size();
}
// A vector over new_delete_resource(): the heap itself.
ROOT int newDelete(int n) {
  std::pmr::vector<int> v(std::pmr::new_delete_resource());
  // CALL: bounded-resource.cpp:[[@LINE-1]]:25: warning: call to 'std::vector<int, std::pmr::polymorphic_allocator<int>>::~vector' may release heap memory [noalloc-call]
  v.push_back(n);
  // CALL: bounded-resource.cpp:[[@LINE-1]]:5: warning: call to 'std::vector<int, std::pmr::polymorphic_allocator<int>>::push_back' may allocate on the heap [noalloc-call]
  return (int)v.size();
}

// The exceptions a bounded resource and polymorphic_allocator throw hold no
// message: constructing and destroying them uses no heap (libc++ compiles
// them; knowledge/cxx.yaml).
ROOT int exceptionObjects() {
  std::bad_alloc a;
  std::bad_array_new_length b;
  return int(sizeof a + sizeof b);
}

// The verdicts: 'bounded' where the only use is a bounded resource, with
// both libraries; running out is part of it.
// JSON: "effect": "bounded",
// JSON-NEXT: "file": {{.*}}
// JSON-NEXT: "line": {{[0-9]+}},
// JSON-NEXT: "may_allocate": true,
// JSON-NEXT: "may_use_heap": true,
// JSON-NEXT: "name": "bounded",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "bounded"
// JSON: "effect": "none",
// JSON: "name": "arenaOnly",
// JSON: "verdict": "none"
// JSON: "name": "defaultUpstream",
// JSON: "verdict": "allocates"
// JSON: "name": "pooled",
// JSON: "verdict": "bounded"
// JSON: "name": "pmrStrings",
// JSON: "verdict": "bounded"
// JSON: "name": "heapStrings",
// JSON: "verdict": "allocates"
// JSON: "name": "sliced",
// JSON: "verdict": "allocates"
// JSON: "name": "given",
// JSON: "verdict": "allocates"
// JSON: "name": "newDelete",
// JSON: "verdict": "allocates"
// JSON: "effect": "none",
// JSON: "name": "exceptionObjects",
// JSON: "verdict": "none"
// FailurePaths: accept accepts running out: the effect stays 'bounded'.
// JSON-ACCEPT: "effect": "bounded",
// JSON-ACCEPT-NEXT: "file": {{.*}}
// JSON-ACCEPT-NEXT: "line": {{[0-9]+}},
// JSON-ACCEPT-NEXT: "may_allocate": false,
// JSON-ACCEPT-NEXT: "may_use_heap": false,
// JSON-ACCEPT-NEXT: "name": "bounded",
// JSON-ACCEPT-NEXT: "usr": {{.*}}
// JSON-ACCEPT-NEXT: "verdict": "none"
// JSON-ACCEPT: "name": "defaultUpstream",
// JSON-ACCEPT: "verdict": "allocates"

// ORACLE: [libstdc++] {{.*}}: confirmed: no-heap 'a vector on a bounded arena': 0 acquired, 0 released
// ORACLE: [libstdc++] {{.*}}: confirmed: allocates 'a bounded arena that runs out (throws std::bad_alloc)': 1 acquired, 1 released
// ORACLE: [libstdc++] {{.*}}: confirmed: no-heap 'a bounded arena only made, cleared and destroyed': 0 acquired, 0 released
// ORACLE: [libstdc++] {{.*}}: confirmed: no-heap 'an arena with the default upstream, within its buffer': 0 acquired, 0 released
// ORACLE: [libstdc++] {{.*}}: confirmed: allocates 'an arena with the default upstream that runs out': 5 acquired, 5 released
// ORACLE: [libc++] {{.*}}: confirmed: no-heap 'a vector on a bounded arena': 0 acquired, 0 released
// ORACLE: [libc++] {{.*}}: confirmed: allocates 'a bounded arena that runs out (throws std::bad_alloc)': 1 acquired, 1 released
// ORACLE: [libc++] {{.*}}: confirmed: no-heap 'a bounded arena only made, cleared and destroyed': 0 acquired, 0 released
// ORACLE: [libc++] {{.*}}: confirmed: no-heap 'an arena with the default upstream, within its buffer': 0 acquired, 0 released
// ORACLE: [libc++] {{.*}}: confirmed: allocates 'an arena with the default upstream that runs out': 5 acquired, 5 released

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  ORACLE_NO_HEAP("a vector on a bounded arena", bounded(16));
  ORACLE_ALLOCATES("a bounded arena that runs out (throws std::bad_alloc)",
                   bounded(1000));
  ORACLE_NO_HEAP("a bounded arena only made, cleared and destroyed",
                 arenaOnly());
  ORACLE_NO_HEAP("an arena with the default upstream, within its buffer",
                 defaultUpstream(16));
  ORACLE_ALLOCATES("an arena with the default upstream that runs out",
                   defaultUpstream(1000));
  ORACLE_NO_HEAP("a pool over a bounded arena", pooled());
  ORACLE_NO_HEAP("std::pmr::string elements on a bounded arena", pmrStrings());
  std::string s = "a string longer than any small-string buffer";
  ORACLE_ALLOCATES("std::string elements on a bounded arena", heapStrings(s));
  ORACLE_ALLOCATES("substr of a string on a bounded arena", sliced());
  ORACLE_ALLOCATES("a vector over new_delete_resource() given as a parameter",
                   given(std::pmr::new_delete_resource()));
  ORACLE_ALLOCATES("a vector over new_delete_resource()", newDelete(1));
  ORACLE_NO_HEAP("std::bad_alloc and std::bad_array_new_length objects",
                 exceptionObjects());
}
#endif
