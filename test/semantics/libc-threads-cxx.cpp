// pthread_cancel and pthread_exit in a C++ program: the knowledge base's
// condition for them says "measured 7 in C, 1 in C++": in a C++ program,
// where the C++ runtime has loaded libgcc_s already, the first use still
// allocates once. The oracle's counts are checked below, with both
// standard libraries; later calls allocate nothing (test/semantics/
// libc-threads.c measures the C program).
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-c-allocation' \
// RUN:   --config='{CheckOptions: {noalloc-c-allocation.ReportMayAllocate: true}}' %s -- \
// RUN:   2>&1 | FileCheck %s --check-prefix=FIRST --implicit-check-not='{{warning|error}}:'
// RUN: %noalloc --checks='-*,noalloc-c-allocation,noalloc-call' \
// RUN:   --config="{CheckOptions: {Roots: 'stop_worker'}}" %s -- \
// RUN:   2>&1 | FileCheck %s --check-prefix=QUIET --implicit-check-not='{{warning|error}}:'
// QUIET: noalloc: 0 findings in 1 file
// RUN: %oracle %s -- -pthread | FileCheck %s --check-prefix=ORACLE
#include <pthread.h>
#include <unistd.h>

int stop_worker(pthread_t worker) { return pthread_cancel(worker); }
// FIRST: libc-threads-cxx.cpp:[[@LINE-1]]:44: warning: call to 'pthread_cancel' may allocate on the heap: on the process's first pthread_cancel or pthread_exit (glibc loads libgcc_s for unwinding, measured 7 in C, 1 in C++) [noalloc-c-allocation]

// ORACLE: [libstdc++] {{.*}}libc-threads-cxx.cpp:{{[0-9]+}}: confirmed: allocates 'stop_worker, the process's first pthread_cancel': 1 acquired
// ORACLE: [libstdc++] {{.*}}libc-threads-cxx.cpp:{{[0-9]+}}: confirmed: no-heap 'stop_worker, a later pthread_cancel': 0 acquired
// ORACLE: [libc++] {{.*}}libc-threads-cxx.cpp:{{[0-9]+}}: confirmed: allocates 'stop_worker, the process's first pthread_cancel': 1 acquired
// ORACLE: [libc++] {{.*}}libc-threads-cxx.cpp:{{[0-9]+}}: confirmed: no-heap 'stop_worker, a later pthread_cancel': 0 acquired
#ifdef NOALLOC_ORACLE
#include "oracle.h"
static void *sleeper(void *) {
  for (;;)
    pause(); // a cancellation point
  return nullptr;
}
ORACLE_MAIN {
  pthread_t c;
  pthread_create(&c, nullptr, sleeper, nullptr);
  ORACLE_ALLOCATES("stop_worker, the process's first pthread_cancel",
                   stop_worker(c));
  pthread_join(c, nullptr);
  pthread_create(&c, nullptr, sleeper, nullptr);
  ORACLE_NO_HEAP("stop_worker, a later pthread_cancel", stop_worker(c));
  pthread_join(c, nullptr);
}
#endif
