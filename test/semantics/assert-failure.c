// A failing assert calls glibc's __assert_fail, which formats its message
// with asprintf (malloc, measured by the oracle below) and aborts; a
// passing one calls nothing. The heap is reached only when the assertion
// fails: the knowledge base lists __assert_fail as allocates-on-failure,
// reported as its own kind and accepted with FailurePaths: accept. Before,
// it was library code without knowledge: allocation-free by assumption,
// and a noalloc-unknown-call warning for each assert.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// The warning says what its note would (no note), and the summary says
// which option accepts failure paths; accepted, neither.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- 2>&1 \
// RUN:   | FileCheck %s --check-prefix=SUMMARY --implicit-check-not='note:'
// SUMMARY: warning: call to '__assert_fail' may allocate only when it fails
// SUMMARY: noalloc: 1 finding in 1 file
// SUMMARY-NEXT: noalloc: 1 of them is a failure path (heap use only after a call fails, such as a failed assert); 'noalloc-call.FailurePaths: accept' accepts it
// RUN: %noalloc --checks='-*,noalloc-call,noalloc-unknown-call' \
// RUN:   --config='{CheckOptions: {FailurePaths: accept}}' %s -- 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ACCEPT --implicit-check-not='{{warning|error}}:' \
// RUN:       --implicit-check-not='failure path'
// ACCEPT: noalloc: 0 findings in 1 file
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-*' --format=json %s -- \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %oracle %s --

#include <assert.h>

int halve(int x) {
  assert(x % 2 == 0);
  return x / 2;
}
// CHECK: assert-failure.c:[[@LINE-3]]:3: warning: call to '__assert_fail' may allocate only when it fails (a failed assertion's message is formatted with asprintf) [noalloc-call]

// The twin: the same check without assert.
int halveOrZero(int x) { return x % 2 == 0 ? x / 2 : 0; }

// JSON: "name": "halve",
// JSON: "verdict": "allocates-on-failure"
// JSON: "name": "halveOrZero",
// JSON: "verdict": "none"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
#include <signal.h>
#include <unistd.h>
// __assert_fail does not return: the failing assert is the last witness,
// and its measurement ends in the SIGABRT handler, which ends the program.
static int failing_line;
static void on_abort(int sig) {
  (void)sig;
  oracle_end(ORACLE_LABEL_ALLOCATES, "a failing assert", __FILE__,
             failing_line);
  _exit(oracle_failures ? 1 : 0);
}
ORACLE_MAIN {
  signal(SIGABRT, on_abort);
  ORACLE_NO_HEAP("a passing assert", halve(4));
  ORACLE_NO_HEAP("the twin", halveOrZero(3));
  failing_line = __LINE__ + 1;
  ORACLE_ALLOCATES("a failing assert", halve(3));
}
#endif
