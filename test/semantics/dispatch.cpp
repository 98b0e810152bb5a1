// Dispatch with a known target, confirmed by running it. A virtual call on
// an object whose dynamic type is known (a variable of class type, a final
// class) runs that type's function, and a call through a pointer into which
// only one function is ever stored runs that function: neither allocates,
// and noalloc is silent. The twins, through a reference that is a Sampler
// and a pointer that holds 'loud', allocate, and noalloc reports them.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %oracle %s -- -std=c++17

int *allocate() { return new int(1); }
int use(int *p) {
  int v = *p;
  delete p;
  return v;
}

struct Voice {
  virtual ~Voice() = default;
  virtual int render() { return 0; }
};
struct Sampler : Voice {
  int render() override { return use(allocate()); }
// CHECK: dispatch.cpp:[[@LINE-1]]:38: warning: call to 'allocate' may allocate on the heap [noalloc-call]
// CHECK: dispatch.cpp:[[@LINE-14]]:26: note: 'allocate' allocates with 'new' here
};
struct Plain final : Voice {};

int renderLocal() {
  Voice v;
  return v.render();
}
int renderPlain(Plain &p) { return p.render(); }
int renderAny(Voice &v) { return v.render(); }
// CHECK: dispatch.cpp:[[@LINE-1]]:36: warning: call to 'Voice::render' may allocate on the heap [noalloc-call]
// CHECK: dispatch.cpp:[[@LINE-13]]:7: note: 'Voice::render' may be 'Sampler::render', which overrides it
// CHECK: dispatch.cpp:[[@LINE-14]]:38: note: 'Sampler::render' calls 'allocate'
// CHECK: dispatch.cpp:[[@LINE-27]]:26: note: 'allocate' allocates with 'new' here

using Handler = int (*)(int);
int quiet(int x) { return x + 1; }
int loud(int x) { return use(allocate()) + x; }
// CHECK: dispatch.cpp:[[@LINE-1]]:30: warning: call to 'allocate' may allocate on the heap [noalloc-call]
// CHECK: dispatch.cpp:[[@LINE-33]]:26: note: 'allocate' allocates with 'new' here
Handler onTick = quiet;
Handler onError = loud;
int tick(int x) { return onTick(x); }
int fail(int x) { return onError(x); }
// CHECK: dispatch.cpp:[[@LINE-1]]:26: warning: call through 'onError' may allocate on the heap [noalloc-call]
// CHECK: dispatch.cpp:[[@LINE-8]]:5: note: 'onError' may be 'loud', which is stored into it
// CHECK: dispatch.cpp:[[@LINE-9]]:30: note: 'loud' calls 'allocate'
// CHECK: dispatch.cpp:[[@LINE-41]]:26: note: 'allocate' allocates with 'new' here

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  Sampler sampler;
  Plain plain;
  ORACLE_NO_HEAP("render on a Voice variable", renderLocal());
  ORACLE_NO_HEAP("render on a final class", renderPlain(plain));
  ORACLE_ALLOCATES("render through a reference to a Sampler", renderAny(sampler));
  ORACLE_NO_HEAP("the only function stored into onTick", tick(1));
  ORACLE_ALLOCATES("the function stored into onError", fail(1));
}
#endif
