// make_exception_ptr allocates the exception object; the stdexcept
// constructors copy their message to the heap; reading an exception_ptr
// or a message does not allocate.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-std-type,noalloc-call,noalloc-unknown-call' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %oracle %s -- -std=c++17

#include <exception>
#include <stdexcept>

std::exception_ptr capture(int Code) { return std::make_exception_ptr(Code); }
// CHECK: exceptions.cpp:[[@LINE-1]]:47: warning: call to 'std::make_exception_ptr' allocates on the heap [noalloc-std-type]

// The constructor is compiled into the library; the knowledge base says it
// allocates (no "cannot tell" from noalloc-unknown-call): noalloc-std-type
// reports the construction (see exceptions-construct.cpp).
void describe(const char *Why) { std::runtime_error E(Why); }
// CHECK: exceptions.cpp:[[@LINE-1]]:53: warning: construction of 'std::runtime_error' allocates on the heap [noalloc-std-type]

bool present(const std::exception_ptr &P) { return bool(P); }
const char *message(const std::logic_error &E) { return E.what(); }

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  std::exception_ptr P;
  ORACLE_ALLOCATES("std::make_exception_ptr", P = capture(7));
  ORACLE_ALLOCATES("std::runtime_error::runtime_error", describe("short"));
  ORACLE_NO_HEAP("exception_ptr::operator bool", present(P));
  std::logic_error L("x");
  ORACLE_NO_HEAP("std::logic_error::what", message(L));
}
#endif
