// Destroying a std::function releases the callable it holds on the heap
// and runs the callable's destructor; it never copies the callable.
// Copying one copies the callable, which allocates when the callable does
// not fit the std::function's own buffer. Both run code that the
// std::function's callable brought (libstdc++'s manager, libc++'s virtual
// members of __base), so noalloc decides them over the callables the
// whole program stores: each unit's facts say what its callables do when
// copied and when destroyed, and the link joins them. Here
// Inputs/function-destruction-fill.cpp stores a callable too big for the
// buffer, and this unit only a small one. 'moveOut', 'clear' and
// 'clearNull' (assigned nullptr) only destroy one (releases; each
// allocated when the destructor's summary held the manager's copy); so do
// 'clearAll' (a vector of them cleared) and the filling unit's 'dropHere'.
// The negative twins: 'copyOut' and 'copyMade' copy one in this unit,
// which stores no big callable (allocates: it was 'none' when a unit's
// summary held only what that unit stored), and so does the filling
// unit's 'copyRun'. With Inputs/function-destruction-report.cpp, which
// stores a callable holding a Reporter whose destructor allocates,
// 'dropReporting' destroys one (allocates: the stored callables'
// destructors are followed); callables are not told apart by the
// std::function's signature, so there destroying the others allocates too
// (a false alarm: the oracle says it releases). Every label is the
// oracle's, with libstdc++ and libc++; every function is a root. The
// verdicts are the same in both orders of the units, and with libc++.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s %S/Inputs/function-destruction-fill.cpp -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %S/Inputs/function-destruction-fill.cpp %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s %S/Inputs/function-destruction-fill.cpp -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %S/Inputs/function-destruction-fill.cpp %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %oracle %s -- -std=c++17 %S/Inputs/function-destruction-fill.cpp
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s %S/Inputs/function-destruction-fill.cpp %S/Inputs/function-destruction-report.cpp -- -std=c++17 -DREPORTING \
// RUN:   | FileCheck %s --check-prefix=REPORT
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %S/Inputs/function-destruction-report.cpp %S/Inputs/function-destruction-fill.cpp %s -- -std=c++17 -DREPORTING \
// RUN:   | FileCheck %s --check-prefix=REPORT
// RUN: %oracle %s -- -std=c++17 -DREPORTING %S/Inputs/function-destruction-fill.cpp %S/Inputs/function-destruction-report.cpp
// The destruction is reported where it is written.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s %S/Inputs/function-destruction-fill.cpp %S/Inputs/function-destruction-report.cpp -- -std=c++17 -DREPORTING 2>&1 \
// RUN:   | FileCheck %s --check-prefix=TEXT
// TEXT: function-destruction.cpp:[[@LINE+14]]:28: warning: call to 'std::function<void (int)>::~function' may allocate on the heap [noalloc-call]

#include "Inputs/function-destruction.h"

#define ROOT [[clang::annotate("noalloc")]]

void small(Job &j) { j.run = [] {}; }

ROOT void moveOut(Job &j) { std::function<void()> gone(std::move(j.run)); }
ROOT void clear(Job &j) { j.run = std::function<void()>(); }
ROOT void clearNull(Job &j) { j.run = nullptr; }
ROOT void clearAll(std::vector<std::function<void()>> &all) { all.clear(); }
#ifdef REPORTING
ROOT void dropReporting(Reporting &r) {
  std::function<void(int)> gone(std::move(r.report));
}
#endif
ROOT void copyOut(const Job &from, Job &into) { into.run = from.run; }
ROOT void copyMade(const Job &from) {
  std::function<void()> made(from.run);
}

// JSON: "name": "dropHere",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "releases"
// JSON: "name": "copyRun",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "moveOut",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "releases"
// JSON: "name": "clear",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "releases"
// JSON: "name": "clearNull",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "releases"
// JSON: "name": "clearAll",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "releases"
// JSON: "name": "copyOut",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "copyMade",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"

// REPORT: "name": "moveOut",
// REPORT-NEXT: "usr":
// REPORT-NEXT: "verdict": "allocates"
// REPORT: "name": "dropReporting",
// REPORT-NEXT: "usr":
// REPORT-NEXT: "verdict": "allocates"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  Job j;
  small(j);
  fill(j);
  Job twin;
  ORACLE_ALLOCATES("copying a callable on the heap", copyRun(j, twin));
  ORACLE_ALLOCATES("copying it where no big callable is stored", copyOut(j, twin));
  ORACLE_ALLOCATES("constructing a copy there", copyMade(j));
  ORACLE_RELEASES("destroying a callable on the heap", moveOut(j));
  fill(j);
  ORACLE_RELEASES("destroying a callable on the heap, assigned", clear(j));
  fill(j);
  ORACLE_RELEASES("destroying a callable on the heap, assigned nullptr", clearNull(j));
  fill(j);
  ORACLE_RELEASES("destroying a callable on the heap, in the filling unit", dropHere(j));
  std::vector<std::function<void()>> all(2);
  fill(j);
  all[0] = std::move(j.run);
  ORACLE_RELEASES("destroying the callables of a vector", clearAll(all));
#ifdef REPORTING
  Reporting r;
  fillReporting(r);
  ORACLE_ALLOCATES("destroying a callable whose destructor allocates", dropReporting(r));
  fill(j);
  ORACLE_RELEASES("destroying a callable on the heap, with it stored", moveOut(j));
#endif
}
#endif
