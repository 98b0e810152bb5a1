// Overloads that differ only by clang's enable_if attribute (review10-3,
// absl's SpinLock constructors) share clang's USR: noalloc took them for one
// function defined twice, said "'pick' is defined in 2 places ... analyse
// one program per run" of a single file, and charged the quiet overload with
// the other's malloc. Each is now its own function, named by its place in
// the header, the same in every unit that includes it: with a second unit,
// the quiet overload is still one function and nothing is said about
// places or versions. The twin: 'loud' calls the overload that allocates.
// RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-call' %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-call' %s %S/Inputs/enable-if-overloads-other.cpp \
// RUN:   -- -std=c++17 2>&1 | FileCheck %s --check-prefixes=CHECK,TWO --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-call' --format=json %s \
// RUN:   %S/Inputs/enable-if-overloads-other.cpp -- -std=c++17 | FileCheck %s --check-prefix=JSON
// RUN: %oracle %s -- -std=c++17 %S/Inputs/enable-if-overloads-other.cpp

#include "Inputs/enable-if-overloads.h"

#define ROOT [[clang::annotate("noalloc")]]

ROOT int quiet() { return pick(0); }
ROOT int loud(int mode) { return pick(mode); }
// CHECK-DAG: enable-if-overloads.cpp:[[@LINE-1]]:34: warning: call to 'pick' may allocate on the heap [noalloc-call]
// CHECK-DAG: enable-if-overloads.h:15:10: warning: call to 'malloc' may allocate on the heap [noalloc-call]
// CHECK-DAG: noalloc: root 'quiet' does not use the heap
// TWO-DAG: noalloc: root 'other_quiet' does not use the heap
// CHECK-DAG: noalloc: root 'loud' may allocate: 'loud' -> 'pick' calls 'malloc'

// JSON:      "name": "other_quiet",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "none"
// JSON:      "name": "pick",
// JSON-NEXT: "usr": "c:@F@pick#I#@test/semantics/Inputs/enable-if-overloads.h@{{[0-9]+}}",
// JSON-NEXT: "verdict": "none"
// JSON:      "name": "pick",
// JSON-NEXT: "usr": "c:@F@pick#I#",
// JSON-NEXT: "verdict": "allocates"
// JSON:      "name": "quiet",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "none"
// JSON:      "name": "loud",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "allocates"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
int other_quiet();
ORACLE_MAIN {
  ORACLE_NO_HEAP("quiet", quiet());
  ORACLE_NO_HEAP("other_quiet", other_quiet());
  ORACLE_ALLOCATES("loud", loud(3));
}
#endif
