// A std::pmr container over the default resource, new_delete_resource(),
// allocates as it grows: the library's allocate calls the virtual
// do_allocate, and new_delete_resource()'s override, compiled into the
// library, calls operator new (oracle: 1 for 'get', at least 1 for a
// growing vector, with libstdc++ 12 and libc++ 22). A memory_resource of
// the program's own ('Arena', whose do_allocate hands out a static buffer)
// does not make the library's overrides go away: before, the candidates of
// the virtual call were Arena's alone once it existed, and 'grow' and
// 'growLocal' were 'allocates-on-failure' and 'get' 'none'. Twins: a call
// that names the final Arena's override runs it alone ('none'), and a
// monotonic_buffer_resource on a fixed buffer with null_memory_resource()
// upstream stays 'bounded' (the oracle: 0 within its buffer).
// A container over a resource whose dynamic type is known, an object of
// the program's own class (a final class, or a local variable of the
// class itself), allocates as that class's do_allocate does: 'overArena'
// and 'overLocal' only on failure (push_back's std::length_error; oracle
// 0), 'overMalloc' (its do_allocate calls malloc) allocates; over a
// 'memory_resource &' or a reference to a class that is not final, the
// dynamic type is unknown and the library's overrides stay ('overUnknown',
// 'overOpen', which the oracle runs with new_delete_resource() and a
// class derived from OpenArena whose do_allocate calls malloc). Not
// followed: a container over an Arena passed to a function other units can
// call ('overArenaPassed': 'grow' sees a std::pmr::vector<int> & of any
// resource; the oracle measures 0).
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefixes=JSON,ARENA
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefixes=JSON,ARENA
// Without Arena, the same verdicts.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 -DNO_ARENA \
// RUN:   | FileCheck %s --check-prefix=JSON
// noalloc-pmr leaves out the variables over a resource of the program's
// own whose dynamic type is known (noalloc-call judges them), and lists
// the others.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-pmr' %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=PMR --implicit-check-not='warning:'
// RUN: %oracle %s -- -std=c++17

#include <cstddef>
#include <cstdlib>
#include <memory_resource>
#include <vector>

// JSON: "name": "grow",
// JSON: "verdict": "allocates"
void grow(std::pmr::vector<int> &v, int n) {
  for (int i = 0; i < n; ++i)
    v.push_back(i);
}
// JSON: "name": "growLocal",
// JSON: "verdict": "allocates"
// PMR: library-overrides-pmr.cpp:[[@LINE+2]]:25: warning: variable 'v' of type 'std::pmr::vector<int>' allocates from its memory resource, which may be the heap [noalloc-pmr]
int growLocal(int n) {
  std::pmr::vector<int> v;
  grow(v, n);
  return (int)v.size();
}
// JSON: "name": "get",
// JSON: "verdict": "allocates"
void *get(std::pmr::memory_resource &r) { return r.allocate(64); }
// JSON: "name": "bounded",
// JSON: "verdict": "bounded"
int bounded(int n) {
  std::byte buffer[256];
  std::pmr::monotonic_buffer_resource arena(buffer, sizeof buffer,
                                            std::pmr::null_memory_resource());
  std::pmr::vector<int> v(&arena);
  for (int i = 0; i < n; ++i)
    v.push_back(i);
  return (int)v.size();
}

#ifndef NO_ARENA
struct Arena final : std::pmr::memory_resource {
  alignas(std::max_align_t) std::byte buffer[4096];
  std::size_t used = 0;
  void *do_allocate(std::size_t n, std::size_t) override {
    void *p = buffer + used;
    used += (n + 15) / 16 * 16;
    return p;
  }
  void do_deallocate(void *, std::size_t, std::size_t) override {}
  bool do_is_equal(const memory_resource &o) const noexcept override {
    return this == &o;
  }
};
// ARENA: "name": "getArena",
// ARENA: "verdict": "none"
void *getArena(Arena &a) { return a.do_allocate(64, 16); }
// ARENA: "name": "getFromArena",
// ARENA: "verdict": "none"
void *getFromArena(Arena &a) { return a.allocate(64); }
// ARENA: "name": "overArena",
// ARENA: "verdict": "allocates-on-failure"
int overArena(Arena &a) {
  std::pmr::vector<int> v(&a);
  for (int i = 0; i < 16; ++i)
    v.push_back(i);
  return (int)v.size();
}
// ARENA: "name": "overArenaPassed",
// ARENA: "verdict": "allocates"
int overArenaPassed(Arena &a) {
  std::pmr::vector<int> v(&a);
  grow(v, 16);
  return (int)v.size();
}

struct MallocArena final : std::pmr::memory_resource {
  void *do_allocate(std::size_t n, std::size_t) override {
    return std::malloc(n);
  }
  void do_deallocate(void *p, std::size_t, std::size_t) override {
    std::free(p);
  }
  bool do_is_equal(const memory_resource &o) const noexcept override {
    return this == &o;
  }
};
// ARENA: "name": "overMalloc",
// ARENA: "verdict": "allocates"
int overMalloc(MallocArena &a) {
  std::pmr::vector<int> v(&a);
  for (int i = 0; i < 16; ++i)
    v.push_back(i);
  return (int)v.size();
}

struct OpenArena : std::pmr::memory_resource {
  alignas(std::max_align_t) std::byte buffer[4096];
  std::size_t used = 0;
  void *do_allocate(std::size_t n, std::size_t) override {
    void *p = buffer + used;
    used += (n + 15) / 16 * 16;
    return p;
  }
  void do_deallocate(void *, std::size_t, std::size_t) override {}
  bool do_is_equal(const memory_resource &o) const noexcept override {
    return this == &o;
  }
};
struct MallocOpenArena : OpenArena {
  void *do_allocate(std::size_t n, std::size_t) override {
    return std::malloc(n);
  }
  void do_deallocate(void *p, std::size_t, std::size_t) override {
    std::free(p);
  }
};
// ARENA: "name": "overLocal",
// ARENA: "verdict": "allocates-on-failure"
int overLocal(int n) {
  OpenArena a;
  std::pmr::vector<int> v(&a);
  for (int i = 0; i < n; ++i)
    v.push_back(i);
  return (int)v.size();
}
// ARENA: "name": "overOpen",
// ARENA: "verdict": "allocates"
// PMR: library-overrides-pmr.cpp:[[@LINE+2]]:25: warning: variable 'v'
int overOpen(OpenArena &a) {
  std::pmr::vector<int> v(&a);
  for (int i = 0; i < 16; ++i)
    v.push_back(i);
  return (int)v.size();
}
// ARENA: "name": "overUnknown",
// ARENA: "verdict": "allocates"
// PMR: library-overrides-pmr.cpp:[[@LINE+2]]:25: warning: variable 'v'
int overUnknown(std::pmr::memory_resource &r) {
  std::pmr::vector<int> v(&r);
  for (int i = 0; i < 16; ++i)
    v.push_back(i);
  return (int)v.size();
}
#endif

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  std::pmr::vector<int> v;
  ORACLE_ALLOCATES("a std::pmr::vector over the default resource grows",
                   grow(v, 16));
  ORACLE_ALLOCATES("a local std::pmr::vector grows", growLocal(16));
  void *p = nullptr;
  ORACLE_ALLOCATES("allocate on new_delete_resource()",
                   p = get(*std::pmr::new_delete_resource()));
  std::pmr::new_delete_resource()->deallocate(p, 64);
  ORACLE_NO_HEAP("a vector on a bounded arena", bounded(16));
  static Arena a;
  ORACLE_NO_HEAP("Arena::do_allocate", getArena(a));
  ORACLE_NO_HEAP("allocate on an Arena", getFromArena(a));
  ORACLE_NO_HEAP("a vector over an Arena", overArena(a));
  // Not followed: noalloc says 'allocates'.
  ORACLE_NO_HEAP("a vector over an Arena, grown elsewhere",
                 overArenaPassed(a));
  static MallocArena m;
  ORACLE_ALLOCATES("a vector over an arena that mallocs", overMalloc(m));
  ORACLE_NO_HEAP("a vector over a local OpenArena", overLocal(16));
  static MallocOpenArena o;
  ORACLE_ALLOCATES("a vector over an OpenArena & that mallocs", overOpen(o));
  ORACLE_ALLOCATES("a vector over new_delete_resource()",
                   overUnknown(*std::pmr::new_delete_resource()));
}
#endif
