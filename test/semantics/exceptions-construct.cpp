// Constructing a std::runtime_error copies the message to the heap (the
// oracle measures 1 allocation with libstdc++ 12 and libc++ 22). Outside a
// throw, noalloc-std-type reports the construction; inside a throw it is
// part of the throw: noalloc-throw's one finding, with a note, and no
// second warning from noalloc-std-type or noalloc-call.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-std-type,noalloc-throw,noalloc-call' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-std-type,noalloc-throw,noalloc-call' %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// The verdicts agree: a copy or a move of a standard exception shares its
// message, as the knowledge base's copy-effect says (measured 0 with both
// libraries); constructing one from a string allocates.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-std-type,noalloc-throw,noalloc-call' --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-std-type,noalloc-throw,noalloc-call' --format=json %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %oracle %s -- -std=c++17

#include <stdexcept>
#include <string>
#include <utility>

void describe(const char *Why) { std::runtime_error E(Why); }
// CHECK: exceptions-construct.cpp:[[@LINE-1]]:53: warning: construction of 'std::runtime_error' allocates on the heap [noalloc-std-type]
void describeString(const std::string &Why) { std::logic_error E(Why); }
// CHECK: exceptions-construct.cpp:[[@LINE-1]]:64: warning: construction of 'std::logic_error' allocates on the heap [noalloc-std-type]
void fail(const char *Why) { throw std::runtime_error(Why); }
// CHECK: exceptions-construct.cpp:[[@LINE-1]]:30: warning: 'throw' allocates the exception object on the heap [noalloc-throw]
// CHECK: exceptions-construct.cpp:[[@LINE-2]]:36: note: constructing 'std::runtime_error' allocates on the heap too
void failLater(const char *Why) { fail(Why); }
// CHECK: exceptions-construct.cpp:[[@LINE-1]]:35: warning: call to 'fail' may allocate on the heap [noalloc-call]
// CHECK: exceptions-construct.cpp:[[@LINE-5]]:30: note: 'fail' throws, which allocates the exception object here

// The twins: reading an exception, copying one (the message is shared),
// and throwing an exception that copies no message construct nothing on
// the heap; the throw itself still allocates.
const char *message(const std::runtime_error &E) { return E.what(); }
std::runtime_error copy(const std::runtime_error &E) { return E; }
std::logic_error copyLogic(const std::logic_error &E) { return E; }
std::out_of_range move(std::out_of_range &E) { return std::move(E); }
void failPlain() { throw std::exception(); }
// CHECK: exceptions-construct.cpp:[[@LINE-1]]:20: warning: 'throw' allocates the exception object on the heap [noalloc-throw]

// JSON: "name": "describe",
// JSON: "verdict": "allocates"
// JSON: "name": "describeString",
// JSON: "verdict": "allocates"
// JSON: "name": "message",
// JSON: "verdict": "none"
// JSON: "name": "copy",
// JSON: "verdict": "none"
// JSON: "name": "copyLogic",
// JSON: "verdict": "none"
// JSON: "name": "move",
// JSON: "verdict": "none"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  ORACLE_ALLOCATES("std::runtime_error::runtime_error", describe("short"));
  ORACLE_ALLOCATES("throw std::runtime_error", fail("short"));
  std::runtime_error E("x");
  ORACLE_NO_HEAP("std::runtime_error::what", message(E));
  ORACLE_NO_HEAP("copying a std::runtime_error", copy(E));
  std::string Long(40, 'x');
  ORACLE_ALLOCATES("std::logic_error from a std::string", describeString(Long));
  std::logic_error L("x");
  ORACLE_NO_HEAP("copying a std::logic_error", copyLogic(L));
  std::out_of_range R("x");
  // With libstdc++ the moved-to result owns the message alone: destroying
  // it, here, releases it.
  ORACLE_NO_ALLOC("moving a std::out_of_range", move(R));
  ORACLE_ALLOCATES("throw std::exception", failPlain());
}
#endif
