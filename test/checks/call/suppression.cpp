// An allocation the user accepted with NOLINT does not propagate to its
// callers; neither does a call accepted with NOLINT(noalloc-call).
// RUN: %expect-exit 1 %noalloc %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// The same findings through clang-tidy and the plugin:
// RUN: %expect-exit 0 %clang-tidy-noalloc -checks='-*,noalloc-*' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// The expected findings follow the code.

#include <cstdlib>

// Accepted: a pool filled once at start-up.
void *reserve(std::size_t n) {
  return std::malloc(n); // NOLINT(noalloc-c-allocation): start-up pool, freed at exit
}
void *fromPool(std::size_t n) { return reserve(n); }

int *accepted() {
  // NOLINTNEXTLINE(noalloc-new-delete): one object for the program's life
  return new int(1);
}
int *viaAccepted() { return accepted(); }

// NOLINTBEGIN(noalloc-new-delete)
int *block() { return new int(2); }
// NOLINTEND(noalloc-new-delete)
int *viaBlock() { return block(); }

// Not accepted: reported, and so are its callers.
int *plain() { return new int(3); }
int *viaPlain() { return plain(); }
int *acceptedCall() {
  return plain(); // NOLINT(noalloc-call): warm-up only
}
int *viaAcceptedCall() { return acceptedCall(); }

// Suppressing another check's name does not accept the site.
int *wrongCheck() {
  return new int(4); // NOLINT(noalloc-throw)
}
int *viaWrongCheck() { return wrongCheck(); }



// CHECK: suppression.cpp:30:23: warning: 'new' allocates on the heap [noalloc-new-delete]
// CHECK: suppression.cpp:31:26: warning: call to 'plain' may allocate on the heap [noalloc-call]
// CHECK: suppression.cpp:30:23: note: 'plain' allocates with 'new' here
// CHECK: suppression.cpp:39:10: warning: 'new' allocates on the heap [noalloc-new-delete]
// CHECK: suppression.cpp:41:31: warning: call to 'wrongCheck' may allocate on the heap [noalloc-call]
// CHECK: suppression.cpp:39:10: note: 'wrongCheck' allocates with 'new' here
