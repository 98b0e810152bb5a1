// NOLINT and NOLINTNEXTLINE comments in a file with no begin/end block: the
// facts read only the line of a site and the line before it
// (extract/Suppressions.cpp), as clang-tidy does. A NOLINTNEXTLINE two lines above accepts nothing (the
// negative twin): that site and its caller are reported.
// RUN: %expect-exit 1 %noalloc %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 0 %clang-tidy-noalloc -checks='-*,noalloc-*' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

#include <cstdlib>

void *reserve(std::size_t n) {
  return std::malloc(n); // NOLINT(noalloc-c-allocation): start-up pool
}
void *fromPool(std::size_t n) { return reserve(n); }

int *accepted() {
  // NOLINTNEXTLINE(noalloc-new-delete): one object for the program's life
  return new int(1);
}
int *viaAccepted() { return accepted(); }

int *tooFar() {
  // NOLINTNEXTLINE(noalloc-new-delete)

  return new int(2);
}
int *viaTooFar() { return tooFar(); }

// CHECK: suppression-lines.cpp:26:10: warning: 'new' allocates on the heap [noalloc-new-delete]
// CHECK: suppression-lines.cpp:28:27: warning: call to 'tooFar' may allocate on the heap [noalloc-call]
// CHECK: suppression-lines.cpp:26:10: note: 'tooFar' allocates with 'new' here
