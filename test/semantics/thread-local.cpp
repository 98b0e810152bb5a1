// A thread_local with a destructor: its first use in a thread registers
// the destructor for thread exit, and glibc's __cxa_thread_atexit_impl
// callocs a node for it (the oracle measures 1 with libstdc++ 12 and
// libc++ 22; a second use in the same thread, 0). A function-local one
// registers where it is declared. The first use of a dynamically
// initialized thread_local runs its unit's thread-local initialization,
// which registers the destructors of the unit's thread_locals: a trivially
// destructible one allocates too when the unit has one with a destructor
// (measured 1). A constant-initialized thread_local, or a function-local
// one without a destructor, registers nothing (measured 0). noalloc-call
// reports each such use, and the verdicts say the same.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %oracle %s -- -std=c++17 -pthread

struct Logger {
  Logger() {}
  ~Logger() { Lines = 0; }
  int Lines = 0;
};
struct Tally {
  Tally() : Count(1) {}
  int Count;
};

thread_local Logger Log;
int lines() { return Log.Lines; }
// CHECK: thread-local.cpp:[[@LINE-1]]:22: warning: first use of thread_local 'Log' in a thread may allocate on the heap [noalloc-call]
// CHECK: thread-local.cpp:[[@LINE-2]]:22: note: 'lines' uses thread_local 'Log', whose first use in a thread allocates to register its destructor for thread exit
int linesTwice() { return lines() + lines(); }
// CHECK: thread-local.cpp:[[@LINE-1]]:27: warning: call to 'lines' may allocate on the heap [noalloc-call]
// CHECK: thread-local.cpp:[[@LINE-5]]:22: note: 'lines' uses thread_local 'Log', whose first use in a thread allocates to register its destructor for thread exit here
// CHECK: thread-local.cpp:[[@LINE-3]]:37: note: and 1 more call in 'linesTwice' that may use the heap

// Trivially destructible, but initialized with the unit: that initializes
// 'Log' too.
thread_local Tally Calls;
int calls() { return Calls.Count; }
// CHECK: thread-local.cpp:[[@LINE-1]]:22: warning: first use of thread_local 'Calls' in a thread may allocate on the heap [noalloc-call]
// CHECK: thread-local.cpp:[[@LINE-2]]:22: note: 'calls' uses thread_local 'Calls', whose first use in a thread initializes 'Log', which allocates to register its destructor for thread exit

int localLines() {
  thread_local Logger Local;
  // CHECK: thread-local.cpp:[[@LINE-1]]:23: warning: first use of thread_local 'Local' in a thread may allocate on the heap [noalloc-call]
  // CHECK: thread-local.cpp:[[@LINE-2]]:23: note: 'localLines' declares thread_local 'Local', whose first use in a thread allocates to register its destructor for thread exit
  return Local.Lines;
}

// The twins: constant-initialized, or function-local without a destructor.
thread_local int Constant = 3;
int constant() { return ++Constant; }
int localTally() {
  thread_local Tally Local;
  return ++Local.Count;
}

// JSON: "name": "lines",
// JSON: "verdict": "allocates"
// JSON: "name": "linesTwice",
// JSON: "verdict": "allocates"
// JSON: "name": "calls",
// JSON: "verdict": "allocates"
// JSON: "name": "localLines",
// JSON: "verdict": "allocates"
// JSON: "name": "constant",
// JSON: "verdict": "none"
// JSON: "name": "localTally",
// JSON: "verdict": "none"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
#include <thread>
// Each witness runs in a thread of its own: the first use is measured, in
// that thread, after the thread was made.
template <typename Witness> static void inNewThread(Witness W) {
  std::thread T(W);
  T.join();
}
ORACLE_MAIN {
  inNewThread([] {
    ORACLE_ALLOCATES("first use of a thread_local with a destructor", lines());
    ORACLE_NO_HEAP("second use in the same thread", lines());
  });
  inNewThread([] { ORACLE_ALLOCATES("a caller of the first use", linesTwice()); });
  inNewThread([] { ORACLE_ALLOCATES("a trivially destructible thread_local initialized with the unit", calls()); });
  inNewThread([] { ORACLE_ALLOCATES("a function-local thread_local with a destructor", localLines()); });
  inNewThread([] { ORACLE_NO_HEAP("a constant-initialized thread_local", constant()); });
  inNewThread([] { ORACLE_NO_HEAP("a function-local thread_local without a destructor", localTally()); });
}
#endif
