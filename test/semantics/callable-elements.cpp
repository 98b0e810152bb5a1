// Calling an element of a sequence of std::function (a range-for over it,
// 'v[i]()', 'v.at(i)()') runs what the whole program adds to it: here
// callable-elements-fill.cpp adds the handlers of Inputs/callable-elements.h
// (push_back, emplace_back, a list assigned) and this unit only calls them.
// 'eachQuiet' and 'quietAt' run a lambda and a function that count (no
// heap), their twins 'eachLoud' and 'loudAt' a lambda and a function that
// allocate; 'tableAt' one of two functions, one of which allocates.
// 'lentAt' calls a sequence passed by reference to a function, which
// noalloc does not follow: unknown, never clean. A temporary std::function
// runs what it is made from ('quietTemporary', its twin 'loudTemporary');
// one a function returns is not followed ('returned': unknown). Calling an
// empty std::function throws std::bad_function_call, so a call whose
// targets are clean still may allocate only when it fails. The answer is
// the same in either order of the units (it was the per-unit summary of
// std::function's operator(), which said the elements of 'loudAt' were
// clean when the filling unit came second). Every label is the oracle's,
// with libstdc++ and libc++; every function is a root.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s %S/Inputs/callable-elements-fill.cpp -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefixes=JSON,GNU
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %S/Inputs/callable-elements-fill.cpp %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefixes=JSON,GNU
// With libc++, constructing a std::function from a lambda is a call
// noalloc takes as allocating (its small-buffer test is a branch at run
// time to noalloc): the temporary and the one 'makeQuiet' returns.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s %S/Inputs/callable-elements-fill.cpp -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call,noalloc-unknown-call' %s %S/Inputs/callable-elements-fill.cpp -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --check-prefix=TEXT
// Without the unit that fills them, no store is visible: unknown.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=ALONE
// RUN: %oracle %s -- -std=c++17 %S/Inputs/callable-elements-fill.cpp

#include "Inputs/callable-elements.h"

#define ROOT [[clang::annotate("noalloc")]]

ROOT void eachQuiet(Bus &b) { b.eachQuiet(); }
ROOT void eachLoud(Bus &b) { b.eachLoud(); }
ROOT void quietAt(Bus &b, unsigned i) { b.quietAt(i); }
ROOT void loudAt(Bus &b, unsigned i) { b.loudAt(i); }
ROOT void lentAt(Bus &b, unsigned i) { b.lentAt(i); }
ROOT void tableAt(Bus &b, unsigned i) { b.tableAt(i); }
ROOT void quietTemporary() { std::function<void()>([] {})(); }
ROOT void loudTemporary() {
  std::function<void()>([] { std::vector<int> trace(4); })();
}
ROOT void returned() { makeQuiet()(); }

// JSON: "name": "eachQuiet",
// JSON: "verdict": "allocates-on-failure"
// JSON: "name": "eachLoud",
// JSON: "verdict": "allocates"
// JSON: "name": "quietAt",
// JSON: "verdict": "allocates-on-failure"
// JSON: "name": "loudAt",
// JSON: "verdict": "allocates"
// JSON: "name": "lentAt",
// JSON: "verdict": "unknown"
// JSON: "name": "tableAt",
// JSON: "verdict": "allocates"
// GNU: "name": "quietTemporary",
// GNU: "verdict": "allocates-on-failure"
// JSON: "name": "loudTemporary",
// JSON: "verdict": "allocates"
// GNU: "name": "returned",
// GNU: "verdict": "unknown"

// TEXT-DAG: callable-elements.h:18:29: warning: call through 'loud_.at(i)' may allocate on the heap [noalloc-call]
// TEXT-DAG: callable-elements.cpp:48:24: warning: call of the std::function 'makeQuiet()' may run code noalloc cannot see (it is a std::function that noalloc does not follow); noalloc cannot tell whether it allocates [noalloc-unknown-call]
// TEXT-DAG: note: 'Bus::lentAt' calls the std::function 'lent_[i]', and noalloc cannot see all it may hold (the elements of 'lent_': it is passed by reference to 'refill')
// TEXT: noalloc: 2 calls of std::function objects that may hold code noalloc cannot see could not be followed

// ALONE: "name": "eachQuiet",
// ALONE: "verdict": "unknown"
// ALONE: "name": "eachLoud",
// ALONE: "verdict": "unknown"
// ALONE: "name": "quietAt",
// ALONE: "verdict": "unknown"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  Bus b;
  fill(b);
  ORACLE_NO_HEAP("the counting lambda and function another unit adds", eachQuiet(b));
  ORACLE_ALLOCATES("the allocating lambda and function another unit adds", eachLoud(b));
  ORACLE_NO_HEAP("the counting lambda another unit adds", quietAt(b, 0));
  ORACLE_NO_HEAP("the counting function another unit adds", quietAt(b, 1));
  ORACLE_ALLOCATES("the allocating function another unit adds", loudAt(b, 1));
  ORACLE_ALLOCATES("the lambda another unit's function adds", lentAt(b, 1));
  ORACLE_NO_HEAP("the counting function of the list", tableAt(b, 0));
  ORACLE_ALLOCATES("the allocating function of the list", tableAt(b, 1));
  ORACLE_NO_HEAP("a temporary made from a counting lambda", quietTemporary());
  ORACLE_ALLOCATES("a temporary made from an allocating lambda", loudTemporary());
  ORACLE_NO_HEAP("the counting lambda another unit's function makes", returned());
}
#endif
