// An alias in C++ names its target by the mangled name (alias-attribute.c
// has C's): noalloc finds the function whose mangled name it is, in a
// namespace too, and extern "C" functions by their names. The twin: an
// alias of a clean function is clean.
// RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-call' \
// RUN:   --config="{CheckOptions: {Roots: 'isr;idle_isr'}}" %s -- \
// RUN:   2>&1 | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %oracle %s
#include <cstdlib>

namespace hal {
void tick_impl() { std::free(std::malloc(8)); }
int ticks;
void idle_impl() { ++ticks; }
} // namespace hal
void on_tick() __attribute__((alias("_ZN3hal9tick_implEv")));
void on_idle() __attribute__((alias("_ZN3hal9idle_implEv")));
extern "C" void c_impl(void) { std::free(std::malloc(8)); }
extern "C" void c_alias(void) __attribute__((alias("c_impl")));

void isr() { on_tick(); c_alias(); }
void idle_isr() { on_idle(); }

// CHECK: alias-attribute.cpp:12:30: warning: call to 'malloc' may allocate on the heap [noalloc-call]
// CHECK: alias-attribute.cpp:16:31: warning: call to 'hal::tick_impl' may allocate on the heap [noalloc-call]
// CHECK: alias-attribute.cpp:18:42: warning: call to 'malloc' may allocate on the heap [noalloc-call]
// CHECK: alias-attribute.cpp:19:46: warning: call to 'c_impl' may allocate on the heap [noalloc-call]
// CHECK: alias-attribute.cpp:21:14: warning: call to 'on_tick' may allocate on the heap [noalloc-call]
// CHECK: alias-attribute.cpp:16:31: note: 'on_tick' calls 'hal::tick_impl'
// CHECK: alias-attribute.cpp:12:30: note: 'hal::tick_impl' calls 'malloc', which allocates on the heap
// CHECK: noalloc: root 'isr' may allocate: 'isr' -> 'on_tick' -> 'hal::tick_impl' calls 'malloc'
// CHECK: noalloc: root 'idle_isr' does not use the heap

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  ORACLE_ALLOCATES("isr", isr());
  ORACLE_NO_HEAP("idle_isr", idle_isr());
}
#endif
