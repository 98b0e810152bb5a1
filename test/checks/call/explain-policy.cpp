// --explain agrees with the verdict under the run's policy: a path the
// policy accepts as allocation-free (library code without a body under
// lenient, printf's first write without ReportMayAllocate, a failure path
// with FailurePaths: accept) is not listed but counted, naming the option
// that counts it; under that option it is listed. The JSON verdicts say the
// same. The library code without a body is the C library's getloadavg,
// which the knowledge base does not list (a vendor's through -isystem is
// not assumed: vendor-isystem.c).
// RUN: %noalloc --no-cache --explain=poll %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=LENIENT --implicit-check-not=path
// RUN: %noalloc --no-cache --explain=poll --config="{CheckOptions: {Policy: strict}}" %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=STRICT
// RUN: %noalloc --no-cache '--explain=*' %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=ALL
// RUN: %noalloc --no-cache --explain=report --config="{CheckOptions: {noalloc-c-allocation.ReportMayAllocate: true}}" %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=MAYALLOCATE
// RUN: %noalloc --no-cache --explain=locked --config="{CheckOptions: {FailurePaths: accept}}" %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=ACCEPT
// RUN: %noalloc --no-cache --explain=locked %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=REPORT
// RUN: %noalloc --no-cache --explain=locked --config="{CheckOptions: {Policy: strict}}" %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=LOCKED-STRICT
// RUN: %expect-exit 1 %noalloc --no-cache --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=JSON

#include <cstdio>
#include <cstdlib>
#include <mutex>

std::mutex Lock;
int Shared;

int poll() { double Load[1]; return getloadavg(Load, 1); }
void report() { std::printf("%d\n", poll()); }
void locked() {
  std::lock_guard<std::mutex> Guard(Lock);
  ++Shared;
}

// LENIENT: 'poll' may use the heap only by paths the run's policy accepts
// LENIENT-NEXT: not shown: 1 path to library code that has no body to analyse ('getloadavg'), accepted by the run's policy ('noalloc-call.Policy: strict' counts it)
// STRICT: 'poll' may use the heap by 1 path:
// STRICT-NEXT: path 1:
// STRICT-NEXT: explain-policy.cpp:33:37: 'poll' calls 'getloadavg', which has no body to analyse
// STRICT-NOT: not shown
//
// ALL: 'poll' may use the heap only by paths the run's policy accepts
// ALL-NEXT: not shown: 1 path to library code that has no body to analyse ('getloadavg'), accepted by the run's policy ('noalloc-call.Policy: strict' counts it)
// ALL-NEXT: 'report' may use the heap only by paths the run's policy accepts
// ALL-NEXT: not shown: 1 path to library code that may allocate on some inputs ('printf'), accepted by the run's policy ('noalloc-c-allocation.ReportMayAllocate: true' counts it)
// ALL-NEXT: not shown: 1 path to library code that has no body to analyse ('getloadavg'), accepted by the run's policy ('noalloc-call.Policy: strict' counts it)
// ALL-NEXT: 'locked' may use the heap by 1 path, the shortest:
// ALL-NEXT: path 1:
// ALL-NEXT: explain-policy.cpp:36:31: 'locked' constructs 'std::lock_guard<std::mutex>', which may allocate only when it fails (throws 'std::system_error')
// ALL-NEXT: not shown: 1 path to library code that may allocate on some inputs ('std::lock_guard<std::mutex>::lock_guard'), accepted by the run's policy ('noalloc-c-allocation.ReportMayAllocate: true' counts it)
//
// MAYALLOCATE: 'report' may use the heap by 1 path:
// MAYALLOCATE-NEXT: path 1:
// MAYALLOCATE-NEXT: explain-policy.cpp:34:17: 'report' calls 'printf', which may allocate on the heap (on first use of stdout{{.*}}
// MAYALLOCATE-NEXT: not shown: 1 path to library code that has no body to analyse ('getloadavg'), accepted by the run's policy ('noalloc-call.Policy: strict' counts it)
//
// ACCEPT: 'locked' may use the heap only by paths the run's policy accepts
// ACCEPT-NEXT: not shown: 1 path to library code that may allocate only when it fails ('std::lock_guard<std::mutex>::lock_guard'), accepted by the run's policy ('noalloc-call.FailurePaths: report' counts it)
// REPORT: 'locked' may use the heap by 1 path:
// REPORT-NEXT: path 1:
// REPORT-NEXT: explain-policy.cpp:36:31: 'locked' constructs 'std::lock_guard<std::mutex>', which may allocate only when it fails (throws 'std::system_error')
// REPORT-NEXT: not shown: 1 path to library code that may allocate on some inputs ('std::lock_guard<std::mutex>::lock_guard'), accepted by the run's policy ('noalloc-c-allocation.ReportMayAllocate: true' counts it)
// The strict policy counts what the lock may allocate: the path says so
// (as the verdict, 'allocates'), not only its failure (review3 F9).
// LOCKED-STRICT: 'locked' may use the heap by 1 path:
// LOCKED-STRICT-NEXT: path 1:
// LOCKED-STRICT-NEXT: explain-policy.cpp:36:31: 'locked' constructs 'std::lock_guard<std::mutex>', which calls library code that may allocate on some inputs
// LOCKED-STRICT-NOT: not shown
//
// JSON: "name": "poll",
// JSON: "verdict": "none"
// JSON: "name": "report",
// JSON: "verdict": "none"
// JSON: "name": "locked",
// JSON: "verdict": "allocates-on-failure"
