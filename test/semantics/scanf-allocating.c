/* POSIX.1-2008's assignment-allocation character: with a literal format
 * whose conversion has 'm' ('%ms', '%m[', '%mc'), sscanf mallocs the field
 * for any input that matches, and noalloc says the call allocates under
 * every policy. Without 'm' (into a caller's buffer) it stays may-allocate:
 * accepted by default, reported with ReportMayAllocate. A '%' in a scanset
 * or '%%' is no conversion.
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-c-allocation,noalloc-call' \
 * RUN:   --config="{CheckOptions: {Roots: 'tick*'}}" %s -- \
 * RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
 * RUN:   --config="{CheckOptions: {Roots: 'tick*'}}" %s -- \
 * RUN:   | FileCheck %s --check-prefix=CALL --implicit-check-not='{{warning|error}}:'
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-c-allocation' --format=json %s -- \
 * RUN:   | FileCheck %s --check-prefix=JSON
 * RUN: %oracle %s
 */
#include <stdio.h>
#include <stdlib.h>

static int firstWord(const char *Line, char **Word) {
  return sscanf(Line, "%ms", Word);
}
// CHECK: scanf-allocating.c:[[@LINE-2]]:10: warning: call to 'sscanf' with the conversion '%ms' allocates on the heap [noalloc-c-allocation]
static int letters(const char *Line, char **Word) {
  return sscanf(Line, "%*d %3m[a-z%]", Word);
}
// CHECK: scanf-allocating.c:[[@LINE-2]]:10: warning: call to 'sscanf' with the conversion '%3m[' allocates on the heap [noalloc-c-allocation]
static int intoBuffer(const char *Line, char *Word) {
  return sscanf(Line, "%15s %[%ms]%%ms", Word, Word);
}

int tick(const char *Line) {
  char *Word = NULL;
  int N = firstWord(Line, &Word);
  free(Word);
  return N;
}
// CHECK: scanf-allocating.c:34:11: warning: call to 'firstWord' may allocate on the heap [noalloc-call]
// CHECK: note: 'tick' must not allocate: it is a noalloc root
// CHECK: note: 'firstWord' calls 'sscanf', which may allocate on the heap
// CHECK: scanf-allocating.c:35:3: warning: call to 'free' releases heap memory [noalloc-c-allocation]
int tickLetters(const char *Line) {
  char *Word = NULL;
  int N = letters(Line, &Word);
  free(Word);
  return N;
}
// CHECK: scanf-allocating.c:44:11: warning: call to 'letters' may allocate on the heap [noalloc-call]
// CHECK: note: 'tickLetters' must not allocate: it is a noalloc root
// CHECK: note: 'letters' calls 'sscanf', which may allocate on the heap
// CHECK: scanf-allocating.c:45:3: warning: call to 'free' releases heap memory [noalloc-c-allocation]
int tickBuffer(const char *Line) {
  char Word[16];
  return intoBuffer(Line, Word);
}

// Without noalloc-c-allocation, noalloc-call reports the call itself.
// CALL: scanf-allocating.c:21:10: warning: call to 'sscanf' may allocate on the heap [noalloc-call]
// CALL: scanf-allocating.c:25:10: warning: call to 'sscanf' may allocate on the heap [noalloc-call]
// CALL: warning: call to 'firstWord' may allocate on the heap [noalloc-call]
// CALL: warning: call to 'letters' may allocate on the heap [noalloc-call]

// JSON: "name": "firstWord",
// JSON-NEXT: "usr":
// JSON: "verdict": "allocates"
// JSON: "name": "letters",
// JSON-NEXT: "usr":
// JSON: "verdict": "allocates"
// JSON: "name": "intoBuffer",
// JSON-NEXT: "usr":
// JSON: "verdict": "none"
// JSON: "name": "tickBuffer",
// JSON-NEXT: "usr":
// JSON: "verdict": "none"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  ORACLE_ALLOCATES("sscanf %ms", tick("hello world"));
  ORACLE_ALLOCATES("sscanf %3m[a-z%]", tickLetters("12 abc"));
  ORACLE_NO_HEAP("sscanf %15s %[%ms]%%ms into a buffer", tickBuffer("hello %ms%ms"));
}
#endif
