// Library code that reaches the heap only on its failure path: it throws,
// and the exception object comes from __cxa_allocate_exception. noalloc
// reports such a call as its own kind, with the exception (in whole-program
// runs too: test/semantics/fixed-capacity-overflow.cpp has roots), and
// accepts it with FailurePaths: accept. The oracle runs both paths: within bounds and
// with a working mutex nothing is allocated; the throw allocates.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
// RUN:   --config='{CheckOptions: {FailurePaths: accept}}' %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=ACCEPT --implicit-check-not='{{warning|error|note}}:'
// The same from a .noalloc.yaml.
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/failure-paths.cpp
// RUN: printf 'failure-paths: accept\n' > %t/.noalloc.yaml
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %t/failure-paths.cpp -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=ACCEPT --implicit-check-not='{{warning|error|note}}:'
// libc++ compiles std::mutex::lock into the library: the knowledge base
// says the same of it.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefix=LIBCXX --implicit-check-not='{{warning|error|note}}:'
// The verdicts say the same, and --explain names the exception.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json \
// RUN:   --config='{CheckOptions: {FailurePaths: accept}}' %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=JSON-ACCEPT
// RUN: %noalloc --checks='-*,noalloc-call' --explain=tick %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --check-prefix=EXPLAIN
// RUN: %oracle %s -- -std=c++17 -pthread

#include <mutex>
#include <thread>
#include <vector>

std::mutex Lock;
int Shared;

void tick() {
  std::lock_guard<std::mutex> Guard(Lock);
  ++Shared;
}
// CHECK: failure-paths.cpp:[[@LINE-3]]:31: warning: call to 'std::lock_guard<std::mutex>::lock_guard' may allocate only when it fails (throws 'std::system_error') [noalloc-call]
// LIBCXX: failure-paths.cpp:[[@LINE-4]]:31: warning: call to 'std::lock_guard<std::mutex>::lock_guard' may allocate only when it fails (throws 'std::system_error') [noalloc-call]
// EXPLAIN: 'tick' may use the heap by 1 path:
// EXPLAIN: 'tick' constructs 'std::lock_guard<std::mutex>', which may allocate only when it fails (throws 'std::system_error')

int checked(const std::vector<int> &V, int I) { return V.at(I); }
// CHECK: failure-paths.cpp:[[@LINE-1]]:58: warning: call to 'std::vector<int>::at' may allocate only when it fails (throws 'std::out_of_range') [noalloc-call]
// LIBCXX: failure-paths.cpp:[[@LINE-2]]:58: warning: call to 'std::vector<int>::at' may allocate only when it fails (throws 'std::out_of_range') [noalloc-call]

// A user function that reaches a failure path only: its callers are told
// so, with the path.
int viaChecked(const std::vector<int> &V) { return checked(V, 0); }
// CHECK: failure-paths.cpp:[[@LINE-1]]:52: warning: call to 'checked' may allocate only when it fails (throws 'std::out_of_range') [noalloc-call]
// CHECK: :[[@LINE-8]]:58: note: 'checked' calls 'std::vector<int>::at', which may allocate only when it fails (throws 'std::out_of_range')
// LIBCXX: failure-paths.cpp:[[@LINE-3]]:52: warning: call to 'checked' may allocate only when it fails (throws 'std::out_of_range') [noalloc-call]
// LIBCXX: :[[@LINE-10]]:58: note: 'checked' calls 'std::vector<int>::at', which may allocate only when it fails (throws 'std::out_of_range')

// The twin: growing a vector allocates on its normal path, whatever the
// policy for failure paths; it is reported before the failure path.
int grows(std::vector<int> &V) {
  int First = V.at(0);
  V.push_back(First);
  return First;
}
// CHECK: failure-paths.cpp:[[@LINE-3]]:5: warning: call to 'std::vector<int>::push_back' may allocate on the heap [noalloc-call]
// CHECK: :[[@LINE-5]]:17: note: and 1 more call in 'grows' that may use the heap
// ACCEPT: failure-paths.cpp:[[@LINE-5]]:5: warning: call to 'std::vector<int>::push_back' may allocate on the heap [noalloc-call]
// LIBCXX: failure-paths.cpp:[[@LINE-6]]:5: warning: call to 'std::vector<int>::push_back' may allocate on the heap [noalloc-call]
// LIBCXX: :[[@LINE-8]]:17: note: and 1 more call in 'grows' that may use the heap

// JSON: "name": "tick",
// JSON: "verdict": "allocates-on-failure"
// JSON: "name": "checked",
// JSON: "verdict": "allocates-on-failure"
// JSON: "name": "grows",
// JSON: "verdict": "allocates"
// JSON-ACCEPT: "effect": "allocates-on-failure",
// JSON-ACCEPT: "name": "checked",
// JSON-ACCEPT: "verdict": "none"
// JSON-ACCEPT: "effect": "allocates",
// JSON-ACCEPT: "name": "grows",
// JSON-ACCEPT: "verdict": "allocates"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
#include <system_error>
ORACLE_MAIN {
  ORACLE_NO_HEAP("std::mutex lock and unlock (lock_guard)", tick());
  ORACLE_NO_HEAP("std::mutex::try_lock", (void)(Lock.try_lock() && (Lock.unlock(), true)));
  std::thread Idle;
  ORACLE_ALLOCATES("std::system_error thrown (join of a thread that is not joinable)", Idle.join());
  std::vector<int> V(4);
  ORACLE_NO_HEAP("vector::at within bounds", checked(V, 3));
  ORACLE_ALLOCATES("vector::at out of bounds (throws std::out_of_range)", checked(V, 9));
  V.reserve(16);
  ORACLE_NO_HEAP("vector::at in a caller, within bounds", viaChecked(V));
  ORACLE_ALLOCATES("vector::push_back past the capacity", (V.shrink_to_fit(), grows(V)));
}
#endif
