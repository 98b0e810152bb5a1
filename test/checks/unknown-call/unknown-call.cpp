// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-unknown-call' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// The same findings through clang-tidy and the plugin:
// RUN: %expect-exit 0 %clang-tidy-noalloc -checks='-*,noalloc-unknown-call' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// The expected findings follow the code.

#include <cstring>

// No body anywhere: noalloc cannot tell.
void firmware_hook(int);
// A body: noalloc can tell (its negative twin).
void defined_hook(int x) { (void)x; }

using Handler = void (*)(long);

static void dispatch(Handler h, char *dst, const char *src) {
  firmware_hook(1);
  defined_hook(2);
  // memcpy has a knowledge-base entry.
  std::memcpy(dst, src, 4);
  // No function of this signature has its address taken.
  h(3);
}

// CHECK: unknown-call.cpp:18:3: warning: call to 'firmware_hook' has no body or knowledge-base entry; noalloc cannot tell whether it allocates [noalloc-unknown-call]
// CHECK: unknown-call.cpp:23:3: warning: call through 'h' reaches no function whose address is taken; noalloc cannot tell whether it allocates [noalloc-unknown-call]
