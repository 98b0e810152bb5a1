/* __attribute__((cleanup(fn))) calls fn(&var) when var goes out of scope
   (GCC and Clang; systemd's _cleanup_, GLib's g_autoptr): 'scoped' runs
   'record', which allocates, and 'borrowed' runs 'release', which frees.
   The twin's cleanup function uses no heap. The same holds in C++.
   RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- \
   RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
   RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- \
   RUN:   | FileCheck %s --check-prefix=JSON
   RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -x c++ -std=c++20 \
   RUN:   | FileCheck %s --check-prefix=JSON
   RUN: %oracle %s --
*/
#include <stdlib.h>

static void record(int *Value) {
  int *Copy = (int *)malloc(sizeof *Copy);
  if (Copy)
    *Copy = *Value;
  free(Copy);
}
int scoped(int X) {
  int Guard __attribute__((cleanup(record))) = X;
  return Guard + 1;
}
static void release(char **P) { free(*P); }
int borrowed(char *Owned) {
  char *P __attribute__((cleanup(release))) = Owned;
  return P[0];
}

static void reset(int *Value) { *Value = 0; }
int quiet(int X) {
  int Guard __attribute__((cleanup(reset))) = X;
  return Guard + 1;
}

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  ORACLE_ALLOCATES("cleanup function that allocates", scoped(1));
  char *S = (char *)malloc(4);
  S[0] = 'x';
  ORACLE_RELEASES("cleanup function that frees", borrowed(S));
  ORACLE_NO_HEAP("cleanup function that uses no heap", quiet(1));
}
#endif

/* CHECK: cleanup-attribute.c:16:22: warning: call to 'malloc' may allocate on the heap [noalloc-call]
   CHECK: cleanup-attribute.c:16:22: note: 'malloc' allocates on the heap
   CHECK: cleanup-attribute.c:22:7: warning: call to 'record' may allocate on the heap [noalloc-call]
   CHECK: cleanup-attribute.c:16:22: note: 'record' calls 'malloc', which allocates on the heap

   JSON: "name": "scoped",
   JSON-NEXT: "usr":
   JSON-NEXT: "verdict": "allocates"
   JSON: "name": "borrowed",
   JSON-NEXT: "usr":
   JSON-NEXT: "verdict": "releases"
   JSON: "name": "quiet",
   JSON-NEXT: "usr":
   JSON-NEXT: "verdict": "none"
*/
