/* Knowledge from the libraries' machine code (--knowledge=@system): libc
 * functions nobody listed get a verdict from their code. argz_create
 * mallocs the vector it returns; memfrob only rewrites the caller's bytes.
 * Without it, lenient calls argz_create allocation-free (a wrong clean)
 * and strict calls memfrob allocating (a false alarm). (This used
 * if_nameindex, which knowledge/libc.yaml lists now.)
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
#include <argz.h>
#include <stdlib.h>
#include <string.h>

static char *Vector;
static size_t Length;
int packArguments(char *const *Arguments) {
  return argz_create(Arguments, &Vector, &Length);
  // DERIVED: derived-libc.c:[[@LINE-1]]:10: warning: call to 'argz_create' may allocate on the heap: its machine code can reach the allocator (libc.so.6: argz_create -> {{.*}}malloc) [noalloc-c-allocation]
}

/* The negative twin: libc code that touches only the caller's bytes. */
char *scramble(char *Bytes, size_t N) { return memfrob(Bytes, N); }

/* A caller of each. */
int report(char *const *Arguments) { return packArguments(Arguments); }
// CALL: derived-libc.c:[[@LINE-1]]:45: warning: call to 'packArguments' may allocate on the heap [noalloc-call]
// CALL: note: 'packArguments' calls 'argz_create', which may allocate on the heap
char *hide(char *Bytes) { return scramble(Bytes, 4); }

// JSON: "name": "packArguments",
// JSON: "verdict": "allocates"
// JSON: "name": "scramble",
// JSON: "verdict": "none"
// JSON: "name": "report",
// JSON: "verdict": "allocates"
// JSON: "name": "hide",
// JSON: "verdict": "none"

// STRICT-DERIVED: warning: call to 'argz_create' may allocate on the heap [noalloc-call]
// STRICT-DERIVED: note: 'argz_create' may allocate on the heap (its machine code can reach the allocator (libc.so.6: argz_create -> {{.*}}malloc)) (the strict policy counts it as allocating)
// STRICT-DERIVED: warning: call to 'packArguments' may allocate on the heap [noalloc-call]
// STRICT-DERIVED: note: 'packArguments' calls 'argz_create', which may allocate on the heap

// STRICT-DAG: warning: call to 'memfrob' may allocate on the heap [noalloc-call]
// STRICT-DAG: note: 'memfrob' has no body to analyse (the strict policy counts it as allocating)
// STRICT-DAG: warning: call to 'argz_create' may allocate on the heap [noalloc-call]
// STRICT-DAG: note: 'argz_create' has no body to analyse (the strict policy counts it as allocating)

#ifdef NOALLOC_ORACLE
#include "oracle.h"
static char Bytes[16] = "abcdefgh";
static char One[] = "one", Two[] = "two";
static char *const Arguments[] = {One, Two, NULL};
ORACLE_MAIN {
  ORACLE_ALLOCATES("argz_create's vector", (packArguments(Arguments), free(Vector)));
  ORACLE_NO_HEAP("memfrob", scramble(Bytes, 8));
  ORACLE_NO_HEAP("a caller of memfrob", hide(Bytes));
}
#endif
