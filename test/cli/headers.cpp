// Findings inside system headers are not reported, but a call from user
// code into a system header that allocates is; NOLINT works as in clang-tidy.
// RUN: %expect-exit 1 %noalloc %s -- -std=c++17 -isystem %S/Inputs/system \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// The twin: the header of the extern "C++" block included as user code has
// each of its declarations reported.
// RUN: %expect-exit 1 %noalloc --no-cache %s -- -std=c++17 -I %S/Inputs/system \
// RUN:   | FileCheck %s --check-prefix=USER

#include <vendor.h>
#include <cstdlib>
#include <string>
#include <vector>

// A system header's declarations inside user code's block: the checks'
// matchers visit them (the traversal skips only the system headers'
// declarations at file scope) and report none of them.
extern "C++" {
#include <vendor-nested.h>
}
// USER: vendor-nested.h:6:34: warning: 'new' allocates on the heap [noalloc-new-delete]
// USER: vendor-nested.h:7:36: warning: 'delete' releases heap memory [noalloc-new-delete]
// USER: vendor-nested.h:8:38: warning: call to 'malloc' allocates on the heap [noalloc-c-allocation]
// USER: vendor-nested.h:9:29: warning: 'throw' allocates the exception object on the heap [noalloc-throw]
// USER: vendor-nested.h:10:52: warning: parameter 'S' of type 'const std::string &'
// USER: vendor-nested.h:12:15: warning: variable 'Text' of type 'std::string' allocates on the heap [noalloc-std-type]
// USER: vendor-nested.h:16:20: warning: member 'Values' of type 'std::vector<int>' allocates on the heap [noalloc-std-type]

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
