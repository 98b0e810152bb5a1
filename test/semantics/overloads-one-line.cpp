// Overloads of one root share a name: the summary tells their lines apart
// by their place, file, line and column, as clang's notes and --explain
// write it, so that two overloads defined on one line get two labels
// (review9: 'Filter::process' (c8.cpp:4) was printed for both). A root
// whose name no other root has is shown without a place.
// RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-call' \
// RUN:   --config="{CheckOptions: {Roots: 'Filter::process;Filter::reset'}}" %s -- \
// RUN:   2>&1 | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %oracle %s --

#include <cstdlib>

struct Filter {
  int process(int x) { return x + 1; } int process(char c) { return *(char *)std::malloc(1) = c; }
  // CHECK: overloads-one-line.cpp:[[@LINE-1]]:78: warning: call to 'malloc' may allocate on the heap [noalloc-call]
  int process(long x) { return (int)x; }
  int reset() { return 0; }
};

// CHECK-DAG: noalloc: root 'Filter::process' ({{.*}}overloads-one-line.cpp:14:44) may allocate: 'Filter::process' calls 'malloc', which allocates on the heap
// CHECK-DAG: noalloc: root 'Filter::process' ({{.*}}overloads-one-line.cpp:14:7) does not use the heap
// CHECK-DAG: noalloc: root 'Filter::process' ({{.*}}overloads-one-line.cpp:16:7) does not use the heap
// CHECK-DAG: noalloc: root 'Filter::reset' does not use the heap

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  Filter f;
  ORACLE_NO_HEAP("Filter::process(int)", f.process(1));
  ORACLE_ALLOCATES("Filter::process(char)", f.process('c'));
  ORACLE_NO_HEAP("Filter::process(long)", f.process(2L));
  ORACLE_NO_HEAP("Filter::reset", f.reset());
}
#endif
