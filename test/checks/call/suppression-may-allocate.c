// NOLINT accepts a call, it does not only hide a warning: a printf accepted
// with NOLINT(noalloc-c-allocation) is left out of the link, so the
// function and its callers are neither reported nor charged with it, in
// their warnings and in their JSON effect and verdict (docs/usage.md,
// "Suppressing findings"). printf does allocate, on the first write to
// stdout (test/semantics/glibc-input.c); this is the user's statement that
// this call is acceptable. The twins, not accepted or accepted for another
// check, are reported with their callers. noalloc-c-allocation owns the
// call whether or not ReportMayAllocate makes it report printf: the facts do
// not depend on options, and the same comment accepts it under
// Policy: strict, where noalloc-call reports it.
// RUN: %expect-exit 1 %noalloc --config='{CheckOptions: {noalloc-c-allocation.ReportMayAllocate: true}}' %s -- \
// RUN:   | FileCheck %s --check-prefix=REPORTED --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --config='{CheckOptions: {noalloc-call.Policy: strict}}' %s -- \
// RUN:   | FileCheck %s --check-prefix=STRICT --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --config='{CheckOptions: {noalloc-call.Policy: strict}}' --format=json %s -- \
// RUN:   | FileCheck %s --check-prefix=JSON

#include <stdio.h>

int accepted(int x) {
  return printf("%d\n", x); // NOLINT(noalloc-c-allocation): a start-up banner
}
int viaAccepted(int x) { return accepted(x); }

int acceptedCall(int x) {
  return printf("%d\n", x); // NOLINT(noalloc-call): a start-up banner
  // The link accepts the call; noalloc-c-allocation's own finding names
  // another check, and stays, as clang-tidy reads NOLINT.
  // REPORTED: suppression-may-allocate.c:[[@LINE-3]]:10: warning: call to 'printf' may allocate on the heap: {{.*}} [noalloc-c-allocation]
}
int viaAcceptedCall(int x) { return acceptedCall(x); }

int plain(int x) { return printf("%d\n", x); }
// REPORTED: suppression-may-allocate.c:[[@LINE-1]]:27: warning: call to 'printf' may allocate on the heap: {{.*}} [noalloc-c-allocation]
// STRICT: suppression-may-allocate.c:[[@LINE-2]]:27: warning: call to 'printf' may allocate on the heap [noalloc-call]
int viaPlain(int x) { return plain(x); }
// REPORTED: suppression-may-allocate.c:[[@LINE-1]]:30: warning: call to 'plain' may allocate on the heap [noalloc-call]
// STRICT: suppression-may-allocate.c:[[@LINE-2]]:30: warning: call to 'plain' may allocate on the heap [noalloc-call]

int otherCheck(int x) {
  return printf("%d\n", x); // NOLINT(noalloc-throw)
  // REPORTED: suppression-may-allocate.c:[[@LINE-1]]:10: warning: call to 'printf' may allocate on the heap: {{.*}} [noalloc-c-allocation]
  // STRICT: suppression-may-allocate.c:[[@LINE-2]]:10: warning: call to 'printf' may allocate on the heap [noalloc-call]
}
int viaOtherCheck(int x) { return otherCheck(x); }
// REPORTED: suppression-may-allocate.c:[[@LINE-1]]:35: warning: call to 'otherCheck' may allocate on the heap [noalloc-call]
// STRICT: suppression-may-allocate.c:[[@LINE-2]]:35: warning: call to 'otherCheck' may allocate on the heap [noalloc-call]

// JSON: "effect": "none",
// JSON: "name": "accepted",
// JSON: "verdict": "none"
// JSON: "effect": "none",
// JSON: "name": "viaAccepted",
// JSON: "verdict": "none"
// JSON: "effect": "none",
// JSON: "name": "acceptedCall",
// JSON: "verdict": "none"
// JSON: "effect": "none",
// JSON: "name": "viaAcceptedCall",
// JSON: "verdict": "none"
// JSON: "effect": "allocates",
// JSON: "name": "plain",
// JSON: "verdict": "allocates"
// JSON: "effect": "allocates",
// JSON: "name": "viaPlain",
// JSON: "verdict": "allocates"
// JSON: "effect": "allocates",
// JSON: "name": "otherCheck",
// JSON: "verdict": "allocates"
// JSON: "effect": "allocates",
// JSON: "name": "viaOtherCheck",
// JSON: "verdict": "allocates"
