// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-new-delete' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// The same findings through clang-tidy and the plugin:
// RUN: %expect-exit 0 %clang-tidy-noalloc -checks='-*,noalloc-new-delete' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

#include <cstddef>
#include <new>

int *scalar() {
  return new int(1);
  // CHECK: new-delete.cpp:[[@LINE-1]]:10: warning: 'new' allocates on the heap [noalloc-new-delete]
}

int *array(std::size_t n) {
  return new int[n];
  // CHECK: new-delete.cpp:[[@LINE-1]]:10: warning: 'new[]' allocates on the heap [noalloc-new-delete]
}

void release(int *p, int *a) {
  delete p;
  // CHECK: new-delete.cpp:[[@LINE-1]]:3: warning: 'delete' releases heap memory [noalloc-new-delete]
  delete[] a;
  // CHECK: new-delete.cpp:[[@LINE-1]]:3: warning: 'delete[]' releases heap memory [noalloc-new-delete]
}

int *nothrow() {
  return new (std::nothrow) int;
  // CHECK: new-delete.cpp:[[@LINE-1]]:10: warning: 'new (std::nothrow)' allocates on the heap [noalloc-new-delete]
}

struct alignas(64) Wide {
  char bytes[64];
};
Wide *aligned() {
  return new Wide;
  // CHECK: new-delete.cpp:[[@LINE-1]]:10: warning: 'new' allocates on the heap [noalloc-new-delete]
}

void explicitCalls() {
  void *p = ::operator new(16);
  // CHECK: new-delete.cpp:[[@LINE-1]]:13: warning: call to 'operator new' allocates on the heap [noalloc-new-delete]
  ::operator delete(p);
  // CHECK: new-delete.cpp:[[@LINE-1]]:3: warning: call to 'operator delete' releases heap memory [noalloc-new-delete]
}

// The builtins call the same functions.
void builtinCalls() {
  void *p = __builtin_operator_new(16);
  // CHECK: new-delete.cpp:[[@LINE-1]]:13: warning: call to '__builtin_operator_new' allocates on the heap [noalloc-new-delete]
  __builtin_operator_delete(p);
  // CHECK: new-delete.cpp:[[@LINE-1]]:3: warning: call to '__builtin_operator_delete' releases heap memory [noalloc-new-delete]
}

// A macro is reported where it is used, with a note at its definition.
#define MAKE(T) new T()
int *viaMacro() {
  return MAKE(int);
  // CHECK: new-delete.cpp:[[@LINE-1]]:10: warning: 'new' allocates on the heap [noalloc-new-delete]
  // CHECK: new-delete.cpp:[[@LINE-4]]:17: note: expanded from macro 'MAKE'
}

// A template is reported once, however often it is instantiated.
template <typename T> T *make() {
  return new T();
  // CHECK: new-delete.cpp:[[@LINE-1]]:10: warning: 'new' allocates on the heap [noalloc-new-delete]
}
void useMake() {
  delete make<int>();
  // CHECK: new-delete.cpp:[[@LINE-1]]:3: warning: 'delete' releases heap memory [noalloc-new-delete]
  make<float>();
  make<double>();
}

// Negative twins: none of these touches the heap as such.

// Placement new into caller-provided storage.
struct Sensor {
  int id;
};
alignas(Sensor) static unsigned char Storage[sizeof(Sensor)];
Sensor *placement() { return new (Storage) Sensor{1}; }
void destroy(Sensor *s) { s->~Sensor(); }

// A class-specific operator new: a pool. Its body is analysed like any
// other function's, so the new-expression is not the heap by itself.
struct Pooled {
  static void *operator new(std::size_t size);
  static void operator delete(void *p);
  int value;
};
Pooled *pooled() { return new Pooled{2}; }
void unpooled(Pooled *p) { delete p; }

// A user-defined placement form: an arena.
struct Arena {
  unsigned char buffer[256];
  std::size_t used = 0;
};
void *operator new(std::size_t size, Arena &arena);
int *fromArena(Arena &arena) { return new (arena) int(3); }

// Naming operator new without calling it.
using Allocator = void *(*)(std::size_t);
Allocator pointerOnly() { return nullptr; }
