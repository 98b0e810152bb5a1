// ETL built with ETL_THROW_EXCEPTIONS throws etl::vector_full (an
// etl::exception) when a container is full: its failure path, as a
// library's throw is. knowledge/cxx.yaml says so of etl::exception
// ('failure-exception: true'), and the verdict is the same whether ETL is
// included with -I (user code) or -isystem: "may allocate only when it
// fails (throws 'etl::vector_full')", which FailurePaths: accept accepts.
// Before, through -I the throw was user code: "may allocate", noalloc-throw
// in ETL's header, and accept changed nothing (review8-3). The twin: a
// program's own exception type stays a throw that allocates, until a
// knowledge file of its own says 'failure-exception: true'.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-call,noalloc-throw' \
// RUN:   --config="{CheckOptions: {Roots: 'push_sample;push_reading'}}" %s -- -std=c++17 \
// RUN:   -I%S/Inputs/failure-exception 2>&1 | FileCheck %s --check-prefixes=CHECK,INCLUDE --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-call,noalloc-throw' \
// RUN:   --config="{CheckOptions: {Roots: 'push_sample;push_reading'}}" %s -- -std=c++17 \
// RUN:   -isystem %S/Inputs/failure-exception 2>&1 | FileCheck %s --check-prefixes=CHECK,SYSTEM --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-call,noalloc-throw' \
// RUN:   --config="{CheckOptions: {Roots: 'push_sample;push_reading', noalloc-call.FailurePaths: accept}}" %s -- -std=c++17 \
// RUN:   -I%S/Inputs/failure-exception 2>&1 | FileCheck %s --check-prefix=ACCEPT --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-call,noalloc-throw' \
// RUN:   --config="{CheckOptions: {Roots: 'push_sample;push_reading', noalloc-call.FailurePaths: accept}}" %s -- -std=c++17 \
// RUN:   -isystem %S/Inputs/failure-exception 2>&1 | FileCheck %s --check-prefix=ACCEPT --implicit-check-not='{{warning|error}}:'
// RUN: printf 'types:\n  - name: ring_full\n    effect: none\n    failure-exception: true\n' > %t/ring.yaml
// RUN: %noalloc --no-cache --checks='-*,noalloc-call,noalloc-throw' --knowledge=%t/ring.yaml \
// RUN:   --config="{CheckOptions: {Roots: 'push_sample;push_reading', noalloc-call.FailurePaths: accept}}" %s -- -std=c++17 \
// RUN:   -I%S/Inputs/failure-exception 2>&1 | FileCheck %s --check-prefix=OWN --implicit-check-not='{{warning|error}}:'
// RUN: %oracle %s -- -std=c++17 -I%S/Inputs/failure-exception

#include <etl/vector.h>

using Samples = etl::vector<int, 4>;

void push_sample(Samples &S, int V) { S.push_back(V); }

// The twin: a ring of the program's own throws its own type when full.
struct ring_full {};
struct Ring {
  int Data[4];
  int Size = 0;
  void push(int V) {
    if (Size == 4)
      throw ring_full();
    Data[Size++] = V;
  }
};

void push_reading(Ring &R, int V) { R.push(V); }

// Through -I the throw in ETL's header is reported where it is written,
// and the chain says that it throws (it said "calls 'etl::vector_full'").
// INCLUDE: etl/vector.h:40:5: warning: 'throw' of 'etl::vector_full' may allocate only when it fails [noalloc-call]
// INCLUDE: failure-exception.cpp:34:6: note: 'push_sample' must not allocate: it is a noalloc root
// CHECK: failure-exception.cpp:34:41: warning: call to 'etl::vector<int, 4>::push_back' may allocate only when it fails (throws 'etl::vector_full') [noalloc-call]
// INCLUDE: etl/vector.h:40:5: note: 'etl::vector<int, 4>::push_back' throws 'etl::vector_full', which allocates the exception object (a failure path)
// CHECK: failure-exception.cpp:43:7: warning: 'throw' allocates the exception object on the heap [noalloc-throw]
// CHECK: failure-exception.cpp:48:39: warning: call to 'Ring::push' may allocate on the heap [noalloc-call]
// CHECK: noalloc: root 'push_reading' may allocate: 'push_reading' -> 'Ring::push' throws, which allocates the exception object
// INCLUDE: noalloc: root 'push_sample' may allocate only when a call fails: 'push_sample' -> 'etl::vector<int, 4>::push_back' throws 'etl::vector_full', which allocates the exception object (a failure path);
// SYSTEM: noalloc: root 'push_sample' may allocate only when a call fails: 'push_sample' calls 'etl::vector<int, 4>::push_back', which may allocate only when it fails (throws 'etl::vector_full')
// ACCEPT: failure-exception.cpp:43:7: warning: 'throw' allocates the exception object on the heap [noalloc-throw]
// ACCEPT: failure-exception.cpp:48:39: warning: call to 'Ring::push' may allocate on the heap [noalloc-call]
// ACCEPT: noalloc: root 'push_reading' may allocate: 'push_reading' -> 'Ring::push' throws, which allocates the exception object
// ACCEPT: noalloc: root 'push_sample' may use the heap only by paths the run's policy accepts
// OWN: noalloc: 0 findings in 1 file
// OWN: noalloc: root 'push_sample' may use the heap only by paths the run's policy accepts
// OWN: noalloc: root 'push_reading' may use the heap only by paths the run's policy accepts

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  Samples S;
  ORACLE_NO_HEAP("push_sample within the capacity", for (int I = 0; I < 4; ++I) push_sample(S, I));
  ORACLE_ALLOCATES("push_sample past the capacity (throws)", try { push_sample(S, 9); } catch (const etl::exception &) {});
  Ring R;
  ORACLE_NO_HEAP("push_reading within the capacity", for (int I = 0; I < 4; ++I) push_reading(R, I));
  ORACLE_ALLOCATES("push_reading past the capacity (throws)", try { push_reading(R, 9); } catch (const ring_full &) {});
}
#endif
