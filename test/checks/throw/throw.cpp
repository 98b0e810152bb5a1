// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-throw' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// The same findings through clang-tidy and the plugin:
// RUN: %expect-exit 0 %clang-tidy-noalloc -checks='-*,noalloc-throw' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

#include <stdexcept>

int checked(int value) {
  if (value < 0)
    throw std::invalid_argument("negative");
  // CHECK: throw.cpp:[[@LINE-1]]:5: warning: 'throw' allocates the exception object on the heap [noalloc-throw]
  // CHECK: throw.cpp:[[@LINE-2]]:11: note: constructing 'std::invalid_argument' allocates on the heap too
  return value;
}

#define REQUIRE(c) if (!(c)) throw 1
void viaMacro(int v) {
  REQUIRE(v > 0);
  // CHECK: throw.cpp:[[@LINE-1]]:3: warning: 'throw' allocates the exception object on the heap [noalloc-throw]
  // CHECK: throw.cpp:[[@LINE-4]]:30: note: expanded from macro 'REQUIRE'
}

template <typename T> T positive(T v) {
  if (v <= 0)
    throw v;
  // CHECK: throw.cpp:[[@LINE-1]]:5: warning: 'throw' allocates the exception object on the heap [noalloc-throw]
  return v;
}
int useBoth() { return positive(1) + static_cast<int>(positive(2.0)); }

// Negative twins: a rethrow reuses the exception object; try and catch do
// not allocate; noexcept is fine.
int translate(int v) {
  try {
    return checked(v);
  } catch (const std::exception &) {
    throw;
  }
}
int quiet(int v) noexcept { return v; }
