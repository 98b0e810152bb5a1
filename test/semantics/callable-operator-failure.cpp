// A call through an object of a type the knowledge base says
// 'holds-callable' of runs what the object holds and the type's operator()
// itself: ETL's delegate checks that it holds a target first
// (ETL_ASSERT, which throws with ETL_THROW_EXCEPTIONS), a failure path. Here
// the look-alike of Inputs/callable-types.h built with
// LITE_THROW_EXCEPTIONS throws 'lite::delegate_uninitialised', a
// 'lite::exception' (a failure-exception in Inputs/callable-types.yaml).
// A followed object calls its target and the operator's own code, not the
// operator's call through the field (every target the program stores):
// 'control_tick' may allocate only when it fails, as ETL's does, whether
// the header is included with -I or -isystem; before, the operator was left
// out and it was "does not use the heap". The twins: the same delegate
// without the check ('control_tick' uses no heap), inplace_function, whose
// operator() has none, and FailurePaths: accept. Every label is the
// oracle's; every function is a root.
// RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-call' --knowledge=%S/Inputs/callable-types.yaml \
// RUN:   %s -- -std=c++17 -DLITE_THROW_EXCEPTIONS -I%S/Inputs 2>&1 | FileCheck %s --check-prefix=CALL
// RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-call' --knowledge=%S/Inputs/callable-types.yaml --format=json \
// RUN:   %s -- -std=c++17 -DLITE_THROW_EXCEPTIONS -I%S/Inputs | FileCheck %s --check-prefix=JSON
// RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-call' --knowledge=%S/Inputs/callable-types.yaml --format=json \
// RUN:   %s -- -std=c++17 -DLITE_THROW_EXCEPTIONS -isystem %S/Inputs | FileCheck %s --check-prefix=JSON
// RUN: %noalloc --no-cache --checks='-*,noalloc-call' --knowledge=%S/Inputs/callable-types.yaml --format=json \
// RUN:   %s -- -std=c++17 -I%S/Inputs | FileCheck %s --check-prefix=UNCHECKED
// RUN: %noalloc --no-cache --checks='-*,noalloc-call' --knowledge=%S/Inputs/callable-types.yaml --format=json \
// RUN:   --config='{CheckOptions: {noalloc-call.FailurePaths: accept}}' \
// RUN:   %s -- -std=c++17 -DLITE_THROW_EXCEPTIONS -I%S/Inputs | FileCheck %s --check-prefix=UNCHECKED
// RUN: %oracle %s -- -std=c++17 -DLITE_THROW_EXCEPTIONS -I%S/Inputs

#include <callable-types.h>

#define ROOT [[clang::annotate("noalloc")]]

using Handler = lite::delegate<void(int)>;

static int acc;
static void on_sample(int v) { acc += v; }

ROOT void control_tick(int v) {
  auto d = Handler::create<on_sample>();
  d(v);
}
ROOT void inplace_tick(int v) {
  lite::inplace_function<void(int)> f([](int x) { acc += x; });
  f(v);
}

// CALL: Inputs{{/|\\}}callable-types.h:{{[0-9]+}}:5: warning: 'throw' of 'lite::delegate_uninitialised' may allocate only when it fails [noalloc-call]
// CALL: callable-operator-failure.cpp:[[@LINE-8]]:3: warning: call through 'd' may allocate only when it fails (throws 'lite::delegate_uninitialised') [noalloc-call]
// CALL: note: 'd' may be 'lite::delegate<void (int)>::operator()', its type's call operator
// CALL: note: 'lite::delegate<void (int)>::operator()' throws 'lite::delegate_uninitialised', which allocates the exception object (a failure path)
// CALL: noalloc: root 'control_tick' may allocate only when a call fails
// CALL: noalloc: root 'inplace_tick' does not use the heap

// JSON: "name": "control_tick",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates-on-failure"
// JSON: "name": "inplace_tick",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "none"

// UNCHECKED: "name": "control_tick",
// UNCHECKED-NEXT: "usr":
// UNCHECKED-NEXT: "verdict": "none"
// UNCHECKED: "name": "inplace_tick",
// UNCHECKED-NEXT: "usr":
// UNCHECKED-NEXT: "verdict": "none"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  ORACLE_NO_HEAP("a delegate made by create<f>()", control_tick(1));
  ORACLE_NO_HEAP("an inplace_function made from a lambda", inplace_tick(1));
  // The failure path: an empty delegate throws.
  Handler empty;
  ORACLE_ALLOCATES("calling an empty delegate (throws)", empty(1));
}
#endif
