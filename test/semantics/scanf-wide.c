/* The wide scanf functions (wscanf, fwscanf, swscanf) and the v-functions
 * (vscanf, vfscanf, vsscanf, vwscanf, vfwscanf, vswscanf) read their format
 * as sscanf does (scanf-allocating.c): a literal one, narrow or wide, with
 * a conversion that has POSIX's 'm' ('%ms', '%mls') makes the call
 * allocate under every policy; a literal without it leaves the call
 * may-allocate (accepted by default, counted by the strict policy). The
 * wide functions and vscanf had no knowledge entry: the default policy
 * called swscanf(Line, L"%ms", &Word) clean. A format that is not a
 * literal is not read: the call is may-allocate, and with
 * ReportMayAllocate noalloc-c-allocation says the format is not a literal.
 * The twins read into a caller's buffer; a stream's first read, which
 * allocates its buffers, is done before them.
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-c-allocation' %s -- \
 * RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-c-allocation' \
 * RUN:   --config='{CheckOptions: {noalloc-c-allocation.ReportMayAllocate: true}}' %s -- \
 * RUN:   | FileCheck %s --check-prefix=MAY
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- \
 * RUN:   | FileCheck %s --check-prefixes=JSON,LENIENT
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json \
 * RUN:   --config="{CheckOptions: {Policy: strict}}" %s -- \
 * RUN:   | FileCheck %s --check-prefixes=JSON,STRICT
 * RUN: %oracle %s
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

int wideWord(const wchar_t *Line, char **Word) {
  return swscanf(Line, L"%ms", Word);
}
// CHECK: scanf-wide.c:[[@LINE-2]]:10: warning: call to 'swscanf' with the conversion '%ms' allocates on the heap [noalloc-c-allocation]
int wideWideWord(const wchar_t *Line, wchar_t **Word) {
  return swscanf(Line, L"%*d %5mls", Word);
}
// CHECK: scanf-wide.c:[[@LINE-2]]:10: warning: call to 'swscanf' with the conversion '%5mls' allocates on the heap [noalloc-c-allocation]
int vWord(const char *Line, ...) {
  va_list Ap;
  va_start(Ap, Line);
  int N = vsscanf(Line, "%ms", Ap);
  va_end(Ap);
  return N;
}
// CHECK: scanf-wide.c:[[@LINE-4]]:11: warning: call to 'vsscanf' with the conversion '%ms' allocates on the heap [noalloc-c-allocation]
int vWideWord(const wchar_t *Line, ...) {
  va_list Ap;
  va_start(Ap, Line);
  int N = vswscanf(Line, L"%m[a-z]", Ap);
  va_end(Ap);
  return N;
}
// CHECK: scanf-wide.c:[[@LINE-4]]:11: warning: call to 'vswscanf' with the conversion '%m[' allocates on the heap [noalloc-c-allocation]
int stdinWord(char **Word) { return wscanf(L"%ms", Word); }
// CHECK: scanf-wide.c:[[@LINE-1]]:37: warning: call to 'wscanf' with the conversion '%ms' allocates on the heap [noalloc-c-allocation]
int streamWord(FILE *F, wchar_t **Word) { return fwscanf(F, L"%mls", Word); }
// CHECK: scanf-wide.c:[[@LINE-1]]:50: warning: call to 'fwscanf' with the conversion '%mls' allocates on the heap [noalloc-c-allocation]
int vStdin(int Wide, ...) {
  va_list Ap;
  va_start(Ap, Wide);
  int N = Wide ? vwscanf(L"%ms", Ap) : vscanf("%ms", Ap);
  va_end(Ap);
  return N;
}
// CHECK: scanf-wide.c:[[@LINE-4]]:18: warning: call to 'vwscanf' with the conversion '%ms' allocates on the heap [noalloc-c-allocation]
// CHECK: scanf-wide.c:[[@LINE-5]]:40: warning: call to 'vscanf' with the conversion '%ms' allocates on the heap [noalloc-c-allocation]
int vStream(FILE *F, int Wide, ...) {
  va_list Ap;
  va_start(Ap, Wide);
  int N = Wide ? vfwscanf(F, L"%ms", Ap) : vfscanf(F, "%ms", Ap);
  va_end(Ap);
  return N;
}
// CHECK: scanf-wide.c:[[@LINE-4]]:18: warning: call to 'vfwscanf' with the conversion '%ms' allocates on the heap [noalloc-c-allocation]
// CHECK: scanf-wide.c:[[@LINE-5]]:44: warning: call to 'vfscanf' with the conversion '%ms' allocates on the heap [noalloc-c-allocation]

/* A format that is not a literal: may-allocate. */
int scanWith(const char *Line, const char *Format, ...) {
  va_list Ap;
  va_start(Ap, Format);
  int N = vsscanf(Line, Format, Ap);
  va_end(Ap);
  return N;
}
// MAY: scanf-wide.c:[[@LINE-4]]:11: warning: call to 'vsscanf' may allocate on the heap: its format is not a string literal; a conversion with 'm' (%ms, %m[) mallocs the field (measured 2), read in a literal format only; {{.*}} [noalloc-c-allocation]

/* Negative twins: the same functions into a caller's buffer. */
int wideIntoBuffer(const wchar_t *Line, wchar_t *Word) {
  return swscanf(Line, L"%15ls %%ms", Word);
}
// MAY: scanf-wide.c:[[@LINE-2]]:10: warning: call to 'swscanf' may allocate on the heap: a conversion with 'm'
int vBuffer(const char *Line, ...) {
  va_list Ap;
  va_start(Ap, Line);
  int N = vsscanf(Line, "%15s", Ap);
  va_end(Ap);
  return N;
}
int vWideBuffer(const wchar_t *Line, ...) {
  va_list Ap;
  va_start(Ap, Line);
  int N = vswscanf(Line, L"%15[a-z]", Ap);
  va_end(Ap);
  return N;
}
int stdinBuffer(wchar_t *Word) { return wscanf(L"%15ls", Word); }
int streamBuffer(FILE *F, wchar_t *Word) { return fwscanf(F, L"%15ls", Word); }
int vStdinBuffer(int Wide, ...) {
  va_list Ap;
  va_start(Ap, Wide);
  int N = Wide ? vwscanf(L"%15ls", Ap) : vscanf("%15s", Ap);
  va_end(Ap);
  return N;
}
int vStreamBuffer(FILE *F, int Wide, ...) {
  va_list Ap;
  va_start(Ap, Wide);
  int N = Wide ? vfwscanf(F, L"%15ls", Ap) : vfscanf(F, "%15s", Ap);
  va_end(Ap);
  return N;
}

// JSON: "name": "wideWord",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "wideWideWord",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "vWord",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "vWideWord",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "stdinWord",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "streamWord",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "vStdin",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "vStream",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
// STRICT: "message": "'scanWith' calls 'vsscanf', which may allocate on the heap (a conversion with 'm' (%ms, %m[) mallocs the field (measured 2), read in a literal format only;
// JSON: "name": "scanWith",
// JSON-NEXT: "usr":
// LENIENT-NEXT: "verdict": "none"
// STRICT-NEXT: "verdict": "allocates"
// JSON: "name": "wideIntoBuffer",
// JSON-NEXT: "usr":
// LENIENT-NEXT: "verdict": "none"
// STRICT-NEXT: "verdict": "allocates"
// JSON: "name": "vBuffer",
// JSON-NEXT: "usr":
// LENIENT-NEXT: "verdict": "none"
// STRICT-NEXT: "verdict": "allocates"
// JSON: "name": "vWideBuffer",
// JSON-NEXT: "usr":
// LENIENT-NEXT: "verdict": "none"
// STRICT-NEXT: "verdict": "allocates"
// JSON: "name": "stdinBuffer",
// JSON-NEXT: "usr":
// LENIENT-NEXT: "verdict": "none"
// STRICT-NEXT: "verdict": "allocates"
// JSON: "name": "streamBuffer",
// JSON-NEXT: "usr":
// LENIENT-NEXT: "verdict": "none"
// STRICT-NEXT: "verdict": "allocates"
// JSON: "name": "vStdinBuffer",
// JSON-NEXT: "usr":
// LENIENT-NEXT: "verdict": "none"
// STRICT-NEXT: "verdict": "allocates"
// JSON: "name": "vStreamBuffer",
// JSON-NEXT: "usr":
// LENIENT-NEXT: "verdict": "none"
// STRICT-NEXT: "verdict": "allocates"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  char *Word = NULL;
  wchar_t *WideWord = NULL;
  char Buffer[16];
  wchar_t WideBuffer[16];
  ORACLE_ALLOCATES("swscanf %ms", wideWord(L"hello", &Word));
  ORACLE_ALLOCATES("swscanf %*d %5mls", wideWideWord(L"12 hello", &WideWord));
  ORACLE_ALLOCATES("vsscanf %ms", vWord("hello", &Word));
  ORACLE_ALLOCATES("vswscanf %m[a-z]", vWideWord(L"hello", &Word));
  ORACLE_ALLOCATES("vsscanf, format %ms not a literal",
                   scanWith("hello", "%ms", &Word));
  ORACLE_NO_HEAP("vsscanf, format %15s not a literal",
                 scanWith("hello", "%15s", Buffer));
  ORACLE_NO_HEAP("swscanf %15ls %%ms", wideIntoBuffer(L"hello %ms", WideBuffer));
  ORACLE_NO_HEAP("vsscanf %15s", vBuffer("hello", Buffer));
  ORACLE_NO_HEAP("vswscanf %15[a-z]", vWideBuffer(L"hello", WideBuffer));
  /* Streams over this file; their first reads allocate their buffers. */
  FILE *Narrow = fopen(__FILE__, "r"), *Wide = fopen(__FILE__, "r");
  vStreamBuffer(Narrow, 0, Buffer);
  streamBuffer(Wide, WideBuffer);
  ORACLE_ALLOCATES("fwscanf %mls", streamWord(Wide, &WideWord));
  ORACLE_ALLOCATES("vfwscanf %ms", vStream(Wide, 1, &Word));
  ORACLE_ALLOCATES("vfscanf %ms", vStream(Narrow, 0, &Word));
  ORACLE_NO_HEAP("fwscanf %15ls", streamBuffer(Wide, WideBuffer));
  ORACLE_NO_HEAP("vfwscanf %15ls", vStreamBuffer(Wide, 1, WideBuffer));
  ORACLE_NO_HEAP("vfscanf %15s", vStreamBuffer(Narrow, 0, Buffer));
  freopen(__FILE__, "r", stdin);
  vStdinBuffer(0, Buffer);
  ORACLE_ALLOCATES("vscanf %ms", vStdin(0, &Word));
  ORACLE_NO_HEAP("vscanf %15s", vStdinBuffer(0, Buffer));
  freopen(__FILE__, "r", stdin);
  stdinBuffer(WideBuffer);
  ORACLE_ALLOCATES("wscanf %ms", stdinWord(&Word));
  ORACLE_ALLOCATES("vwscanf %ms", vStdin(1, &Word));
  ORACLE_NO_HEAP("wscanf %15ls", stdinBuffer(WideBuffer));
  ORACLE_NO_HEAP("vwscanf %15ls", vStdinBuffer(1, WideBuffer));
}
#endif
