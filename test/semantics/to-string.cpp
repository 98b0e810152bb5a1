// std::to_string allocates for some input of its overloads: a double of
// 1e300 is 307 characters, longer than any small-string buffer. With
// libstdc++ its inline body says so; with libc++ it is compiled into
// libc++.so and the knowledge base's entry says so (before, 'may-allocate',
// which the default policy accepts: the root was only told "may release",
// and returning the string made it clean; review3 F5). The twin formats
// into a buffer with std::to_chars.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %oracle %s -- -std=c++17

#include <charconv>
#include <string>

#define ROOT [[clang::annotate("noalloc")]]

ROOT std::string format(double d) { return std::to_string(d); }
// CHECK: to-string.cpp:[[@LINE-1]]:44: warning: call to 'std::to_string' may allocate on the heap [noalloc-call]
ROOT std::size_t width(double d) { return std::to_string(d).size(); }
// CHECK: to-string.cpp:[[@LINE-1]]:43: warning: call to 'std::to_string' may allocate on the heap [noalloc-call]

// The twin.
ROOT std::size_t formatInto(char (&out)[32], int v) {
  return std::to_chars(out, out + sizeof out, v).ptr - out;
}

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  char out[32];
  ORACLE_ALLOCATES("format", format(1e300));
  ORACLE_ALLOCATES("width", width(1e300));
  ORACLE_NO_HEAP("formatInto", formatInto(out, 123456));
}
#endif
