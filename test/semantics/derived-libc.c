/* Knowledge from the libraries' machine code (--knowledge=@system): libc
 * functions nobody listed get a verdict from their code. if_nameindex
 * mallocs the list it returns, if_freenameindex frees it; memfrob only
 * rewrites the caller's bytes.
 * Without it, lenient calls if_nameindex allocation-free (a wrong clean)
 * and strict calls memfrob allocating (a false alarm).
 *
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-c-allocation,noalloc-call' --knowledge=@system \
 * RUN:   --config='{CheckOptions: {noalloc-c-allocation.ReportMayAllocate: true}}' %s -- \
 * RUN:   | FileCheck %s --check-prefixes=DERIVED,CALL --implicit-check-not='{{warning|error|note}}:'
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-c-allocation,noalloc-call' --knowledge=@system \
 * RUN:   --config='{CheckOptions: {Policy: strict}}' %s -- \
 * RUN:   | FileCheck %s --check-prefix=STRICT-DERIVED --implicit-check-not='{{warning|error|note}}:'
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-c-allocation,noalloc-call' --knowledge=@system \
 * RUN:   --config='{CheckOptions: {noalloc-c-allocation.ReportMayAllocate: true}}' --format=json %s -- \
 * RUN:   | FileCheck %s --check-prefix=JSON
 * The same diagnostic, word for word, through clang-tidy and the plugin.
 * RUN: %expect-exit 0 %clang-tidy-noalloc --checks='-*,noalloc-c-allocation' \
 * RUN:   --config='{CheckOptions: {KnowledgeFiles: "@system", noalloc-c-allocation.ReportMayAllocate: true}}' \
 * RUN:   %s -- 2>/dev/null | FileCheck %s --check-prefix=DERIVED
 *
 * Without it: lenient is silent, strict flags both.
 * RUN: %expect-exit 0 %noalloc --checks='-*,noalloc-c-allocation,noalloc-call' \
 * RUN:   --config='{CheckOptions: {noalloc-c-allocation.ReportMayAllocate: true}}' %s -- | count 0
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-c-allocation,noalloc-call' \
 * RUN:   --config='{CheckOptions: {Policy: strict}}' %s -- \
 * RUN:   | FileCheck %s --check-prefix=STRICT
 * RUN: %oracle %s -- -D_GNU_SOURCE
 */
#define _GNU_SOURCE
#include <net/if.h>
#include <string.h>

int countInterfaces(void) {
  struct if_nameindex *List = if_nameindex();
  // DERIVED: derived-libc.c:[[@LINE-1]]:31: warning: call to 'if_nameindex' may allocate on the heap: its machine code can reach the allocator (libc.so.6: if_nameindex -> {{.*}}malloc) [noalloc-c-allocation]
  int N = 0;
  while (List && List[N].if_index)
    ++N;
  if (List)
    if_freenameindex(List);
  // DERIVED: derived-libc.c:[[@LINE-1]]:5: warning: call to 'if_freenameindex' releases heap memory [noalloc-c-allocation]
  return N;
}

/* The negative twin: libc code that touches only the caller's bytes. */
char *scramble(char *Bytes, size_t N) { return memfrob(Bytes, N); }

/* A caller of each. */
int report(void) { return countInterfaces(); }
// CALL: derived-libc.c:[[@LINE-1]]:27: warning: call to 'countInterfaces' may allocate on the heap [noalloc-call]
// CALL: note: 'countInterfaces' calls 'if_nameindex', which may allocate on the heap
char *hide(char *Bytes) { return scramble(Bytes, 4); }

// JSON: "name": "countInterfaces",
// JSON: "verdict": "allocates"
// JSON: "name": "scramble",
// JSON: "verdict": "none"
// JSON: "name": "report",
// JSON: "verdict": "allocates"
// JSON: "name": "hide",
// JSON: "verdict": "none"

// STRICT-DERIVED: warning: call to 'if_nameindex' may allocate on the heap [noalloc-call]
// STRICT-DERIVED: note: 'if_nameindex' may allocate on the heap (its machine code can reach the allocator (libc.so.6: if_nameindex -> {{.*}}malloc)) (the strict policy counts it as allocating)
// STRICT-DERIVED: warning: call to 'if_freenameindex' releases heap memory [noalloc-c-allocation]
// STRICT-DERIVED: warning: call to 'countInterfaces' may allocate on the heap [noalloc-call]
// STRICT-DERIVED: note: 'countInterfaces' calls 'if_nameindex', which may allocate on the heap

// STRICT-DAG: warning: call to 'memfrob' may allocate on the heap [noalloc-call]
// STRICT-DAG: note: 'memfrob' has no body to analyse (the strict policy counts it as allocating)
// STRICT-DAG: warning: call to 'if_nameindex' may allocate on the heap [noalloc-call]
// STRICT-DAG: note: 'if_nameindex' has no body to analyse (the strict policy counts it as allocating)

#ifdef NOALLOC_ORACLE
#include "oracle.h"
static char Bytes[16] = "abcdefgh";
ORACLE_MAIN {
  ORACLE_ALLOCATES("if_nameindex's list", countInterfaces());
  ORACLE_NO_HEAP("memfrob", scramble(Bytes, 8));
  ORACLE_NO_HEAP("a caller of memfrob", hide(Bytes));
}
#endif
