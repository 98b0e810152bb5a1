// Findings inside system headers are not reported, but a call from user
// code into a system header that allocates is; NOLINT works as in clang-tidy.
// RUN: %expect-exit 1 %noalloc %s -- -std=c++17 -isystem %S/Inputs/system \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

#include <vendor.h>
#include <cstdlib>

int *useVendor() { return vendorAllocate(); }
// CHECK: headers.cpp:[[@LINE-1]]:27: warning: call to 'vendorAllocate' may allocate on the heap [noalloc-call]

void suppressed() {
  void *a = std::malloc(1); // NOLINT(noalloc-c-allocation)
  // NOLINTNEXTLINE(noalloc-*)
  void *b = std::malloc(2);
  // NOLINTBEGIN
  void *c = std::malloc(3);
  // NOLINTEND
  void *d = std::malloc(4); // NOLINT(noalloc-throw): another check's name
  // CHECK: headers.cpp:[[@LINE-1]]:13: warning: call to 'malloc' allocates on the heap [noalloc-c-allocation]
  // CHECK: headers.cpp:[[@LINE-2]]:13: note: no fix: a 'void *' could hold anything, so the alignment it needs is unknown
  (void)a, (void)b, (void)c, (void)d;
}
