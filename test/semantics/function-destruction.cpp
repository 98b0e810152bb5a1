// Destroying a std::function releases the callable it holds on the heap
// and runs the callable's destructor; it never copies the callable.
// libstdc++'s destructor calls the callable's manager, which also copies
// (allocates) on another operation: the knowledge base's entry for
// std::_Function_base::~_Function_base leaves that path out of the summary
// (summary-without-calls), and the summaries of several units are joined.
// Here Inputs/function-destruction-fill.cpp and -report.cpp store
// callables too big for the std::function's own buffer. 'moveOut' and 'clear' only destroy one
// (releases; both allocated before: the joined summary of the destructor
// held the manager's copy); so does the filling unit's 'dropHere'. The
// negative twins: 'copyRun' copies one (allocates), and 'dropReporting'
// destroys a callable whose captured Reporter allocates in its destructor
// (allocates: the callable's destructor is followed). Every label is the
// oracle's, with libstdc++ and libc++; every function is a root. The
// verdicts are libstdc++'s: with libc++ noalloc answers none for all five
// (its std::function copies and destroys through virtual members of the
// callable's wrapper, which the summaries do not reach: not followed yet).
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s %S/Inputs/function-destruction-fill.cpp %S/Inputs/function-destruction-report.cpp -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %S/Inputs/function-destruction-fill.cpp %S/Inputs/function-destruction-report.cpp %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %oracle %s -- -std=c++17 %S/Inputs/function-destruction-fill.cpp %S/Inputs/function-destruction-report.cpp
// The data decides: an entry for the destructor without the key gives the
// whole body's summary, and destroying allocates again.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json \
// RUN:   --knowledge=%S/Inputs/function-destruction-whole-body.yaml %s %S/Inputs/function-destruction-fill.cpp %S/Inputs/function-destruction-report.cpp -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=WHOLE
// A name that is empty is an error in the knowledge file.
// RUN: %expect-exit 2 %noalloc --checks='-*,noalloc-call' \
// RUN:   --knowledge=%S/Inputs/function-destruction-empty-name.yaml %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --check-prefix=EMPTY
// EMPTY: function-destruction-empty-name.yaml:2:5: error: 'summary-without-calls' must not name an empty function

#include "Inputs/function-destruction.h"

#define ROOT [[clang::annotate("noalloc")]]

ROOT void moveOut(Job &j) { std::function<void()> gone(std::move(j.run)); }
ROOT void clear(Job &j) { j.run = std::function<void()>(); }
ROOT void dropReporting(Reporting &r) {
  std::function<void(int)> gone(std::move(r.report));
}

// JSON: "name": "dropHere",
// JSON: "verdict": "releases"
// JSON: "name": "copyRun",
// JSON: "verdict": "allocates"
// JSON: "name": "moveOut",
// JSON: "verdict": "releases"
// JSON: "name": "clear",
// JSON: "verdict": "releases"
// JSON: "name": "dropReporting",
// JSON: "verdict": "allocates"

// WHOLE: "name": "moveOut",
// WHOLE: "verdict": "allocates"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  Job j;
  Reporting r;
  fill(j);
  fillReporting(r);
  Job twin;
  ORACLE_ALLOCATES("copying a callable on the heap", copyRun(j, twin));
  ORACLE_RELEASES("destroying a callable on the heap", moveOut(j));
  fill(j);
  ORACLE_RELEASES("destroying a callable on the heap, assigned", clear(j));
  fill(j);
  ORACLE_RELEASES("destroying a callable on the heap, in the filling unit", dropHere(j));
  ORACLE_ALLOCATES("destroying a callable whose destructor allocates", dropReporting(r));
}
#endif
