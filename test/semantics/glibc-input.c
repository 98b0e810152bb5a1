/* glibc allocates on some inputs only: the first write to a buffered
 * stream allocates its buffer, qsort mallocs a merge buffer for large
 * arrays, printf needs scratch space for huge precisions and many
 * positional arguments, scanf for very long numbers. noalloc says "may
 * allocate" with the reason; the oracle shows both sides of each.
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-c-allocation' \
 * RUN:   --config='{CheckOptions: {noalloc-c-allocation.ReportMayAllocate: true}}' \
 * RUN:   %s -- | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
 * The verdicts follow the warnings: with ReportMayAllocate these functions
 * allocate, and noalloc-call reports a call that reaches one; without it,
 * lenient accepts them (the effect, whatever the policy, is allocates).
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-c-allocation,noalloc-call' \
 * RUN:   --config='{CheckOptions: {noalloc-c-allocation.ReportMayAllocate: true}}' \
 * RUN:   %s -- | FileCheck %s --check-prefixes=CHECK,CALL --implicit-check-not='{{warning|error|note}}:'
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-c-allocation,noalloc-call' --format=json \
 * RUN:   --config='{CheckOptions: {noalloc-c-allocation.ReportMayAllocate: true}}' \
 * RUN:   %s -- | FileCheck %s --check-prefix=JSON
 * RUN: %expect-exit 0 %noalloc --checks='-*,noalloc-c-allocation,noalloc-call' %s -- | count 0
 * RUN: %expect-exit 0 %noalloc --checks='-*,noalloc-c-allocation,noalloc-call' --format=json %s -- \
 * RUN:   | FileCheck %s --check-prefix=JSON-LENIENT
 * RUN: %oracle %s
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void emit(FILE *F, int V) { fprintf(F, "%d\n", V); }
// CHECK: glibc-input.c:[[@LINE-1]]:29: warning: call to 'fprintf' may allocate on the heap: on first use of a buffered stream (buffer malloc'd lazily); as snprintf for unusual formats [noalloc-c-allocation]

static int ascending(const void *A, const void *B) {
  return *(const int *)A - *(const int *)B;
}
void sort(int *V, size_t N) { qsort(V, N, sizeof *V, ascending); }
// CHECK: glibc-input.c:[[@LINE-1]]:31: warning: call to 'qsort' may allocate on the heap: when nmemb*size >= 1024 bytes glibc 2.36 mallocs a merge-sort buffer (falls back to quicksort if that fails); measured 1 for 1000 ints, 0 for 10 [noalloc-c-allocation]

int format(char *Out, size_t N, int Precision, double V) {
  return snprintf(Out, N, "%.*f", Precision, V);
}
// CHECK: glibc-input.c:[[@LINE-2]]:10: warning: call to 'snprintf' may allocate on the heap: only unusual formats: {{.*}} [noalloc-c-allocation]

int parse(const char *In, double *V) { return sscanf(In, "%lf", V); }
// CHECK: glibc-input.c:[[@LINE-1]]:47: warning: call to 'sscanf' may allocate on the heap: a conversion with 'm' (%ms, %m[) mallocs the field (measured 2), read in a literal format only; numeric fields longer than ~1000 characters {{.*}} [noalloc-c-allocation]

/* A caller of one. */
void emitTwice(FILE *F, int V) {
  emit(F, V);
  emit(F, V + 1);
}
// CALL: glibc-input.c:[[@LINE-3]]:3: warning: call to 'emit' may allocate on the heap [noalloc-call]
// CALL: glibc-input.c:[[@LINE-23]]:29: note: 'emit' calls 'fprintf', which may allocate on the heap (on first use of a buffered stream (buffer malloc'd lazily); as snprintf for unusual formats)
// CALL: glibc-input.c:[[@LINE-4]]:3: note: and 1 more call in 'emitTwice' that may use the heap

/* The negative twin: the same work into caller-provided storage. */
size_t copyOut(char *Out, const char *In, size_t N) {
  strncpy(Out, In, N);
  return strlen(Out);
}

// JSON: "name": "emit",
// JSON: "verdict": "allocates"
// JSON: "name": "sort",
// JSON: "verdict": "allocates"
// JSON: "name": "format",
// JSON: "verdict": "allocates"
// JSON: "name": "parse",
// JSON: "verdict": "allocates"
// JSON: "name": "emitTwice",
// JSON: "verdict": "allocates"
// JSON: "name": "copyOut",
// JSON: "verdict": "none"
// JSON-LENIENT: "effect": "allocates",
// JSON-LENIENT: "name": "emit",
// JSON-LENIENT: "verdict": "none"
// JSON-LENIENT: "name": "emitTwice",
// JSON-LENIENT: "verdict": "none"
// JSON-LENIENT: "effect": "none",
// JSON-LENIENT: "name": "copyOut",
// JSON-LENIENT: "verdict": "none"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
static int Small[10], Large[1000];
static char Digits[5000], Text[64];
ORACLE_MAIN {
  FILE *F = fopen("/dev/null", "w");
  ORACLE_ALLOCATES("fprintf, first write to a stream", emit(F, 1));
  ORACLE_NO_HEAP("fprintf, later writes", emit(F, 2));
  fclose(F);
  F = fopen("/dev/null", "w");
  ORACLE_ALLOCATES("a caller of fprintf, first write to a stream", emitTwice(F, 1));
  fclose(F);
  ORACLE_NO_HEAP("qsort of 10 ints", sort(Small, 10));
  ORACLE_ALLOCATES("qsort of 1000 ints", sort(Large, 1000));
  ORACLE_NO_HEAP("snprintf %.*f, precision 20", format(Text, sizeof Text, 20, 1.5));
  ORACLE_ALLOCATES("snprintf %.*f, precision 30000", format(Text, sizeof Text, 30000, 1.5));
  double V;
  ORACLE_NO_HEAP("sscanf %lf, 4 digits", parse("1.25", &V));
  memset(Digits, '1', sizeof Digits - 1);
  ORACLE_ALLOCATES("sscanf %lf, 4999 digits", parse(Digits, &V));
  ORACLE_NO_HEAP("strncpy + strlen", copyOut(Text, "abc", sizeof Text));
}
#endif
