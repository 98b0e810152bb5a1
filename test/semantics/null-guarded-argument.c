/* getcwd and realpath allocate only when their buffer is null. A wrapper
 * that returns early when the buffer is null (libuv's uv_cwd: 'if (buffer
 * == NULL || size == NULL) return UV_EINVAL;') calls them with a buffer
 * that is not null: neither the direct check nor the call graph counts it
 * (review6 #8). The twins: no guard, the guard after the call, a guard that
 * does not return, a buffer changed after the guard. The chain's note names
 * the argument, as the direct warning does.
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call,noalloc-c-allocation' \
 * RUN:   --config="{CheckOptions: {Roots: 'whereAmI;whereAmINot;whereAmIBare;whereAmILate;whereAmILoud;whereAmIChanged'}}" %s -- \
 * RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call,noalloc-c-allocation' --format=json %s -- \
 * RUN:   | FileCheck %s --check-prefix=JSON
 * RUN: %oracle %s --
 */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char path[4096];

int cwd(char *buffer, size_t size) {
  if (buffer == NULL || size == 0)
    return -1;
  return getcwd(buffer, size) == NULL;
}
int cwdNot(char *buffer, size_t size) {
  if (!buffer) {
    return -1;
  }
  return getcwd(buffer, size) == NULL;
}
int cwdBare(char *buffer, size_t size) {
  // CHECK: null-guarded-argument.c:[[@LINE+1]]:10: warning: call to 'getcwd' allocates on the heap when argument 1 is null [noalloc-c-allocation]
  return getcwd(buffer, size) == NULL;
}
int cwdLate(char *buffer, size_t size) {
  // CHECK: null-guarded-argument.c:[[@LINE+1]]:11: warning: call to 'getcwd' allocates on the heap when argument 1 is null [noalloc-c-allocation]
  int r = getcwd(buffer, size) == NULL;
  if (buffer == NULL)
    return -1;
  return r;
}
int cwdLoud(char *buffer, size_t size) {
  if (buffer == NULL)
    fputs("no buffer\n", stderr);
  // CHECK: null-guarded-argument.c:[[@LINE+1]]:10: warning: call to 'getcwd' allocates on the heap when argument 1 is null [noalloc-c-allocation]
  return getcwd(buffer, size) == NULL;
}
int cwdChanged(char *buffer, size_t size) {
  if (buffer == NULL)
    return -1;
  if (size > sizeof path)
    buffer = NULL;
  // CHECK: null-guarded-argument.c:[[@LINE+1]]:10: warning: call to 'getcwd' allocates on the heap when argument 1 is null [noalloc-c-allocation]
  return getcwd(buffer, size) == NULL;
}

int whereAmI(void) { return cwd(path, sizeof path); }
int whereAmINot(void) { return cwdNot(path, sizeof path); }
// CHECK: null-guarded-argument.c:[[@LINE+3]]:33: warning: call to 'cwdBare' may allocate on the heap [noalloc-call]
// The chain's last note says when, as the direct warning does.
// CHECK: note: 'cwdBare' calls 'getcwd', which allocates on the heap when argument 1 is null
int whereAmIBare(void) { return cwdBare(path, sizeof path); }
// CHECK: null-guarded-argument.c:[[@LINE+1]]:33: warning: call to 'cwdLate' may allocate on the heap [noalloc-call]
int whereAmILate(void) { return cwdLate(path, sizeof path); }
// CHECK: null-guarded-argument.c:[[@LINE+1]]:33: warning: call to 'cwdLoud' may allocate on the heap [noalloc-call]
int whereAmILoud(void) { return cwdLoud(path, sizeof path); }
// CHECK: null-guarded-argument.c:[[@LINE+1]]:36: warning: call to 'cwdChanged' may allocate on the heap [noalloc-call]
int whereAmIChanged(void) { return cwdChanged(path, 8192); }

/* JSON: "name": "cwd",
 * JSON: "verdict": "none"
 * JSON: "name": "cwdNot",
 * JSON: "verdict": "none"
 * JSON: "name": "cwdBare",
 * JSON: "verdict": "allocates"
 */

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  ORACLE_NO_HEAP("a guarded buffer", whereAmI());
  ORACLE_NO_HEAP("a guarded null buffer", cwd(NULL, 0));
  ORACLE_NO_HEAP("guarded by '!'", whereAmINot());
  ORACLE_NO_HEAP("guarded by '!', null", cwdNot(NULL, 0));
  ORACLE_ALLOCATES("no guard, a null buffer", cwdBare(NULL, 0));
  ORACLE_ALLOCATES("the guard after the call, a null buffer",
                   cwdLate(NULL, 0));
  ORACLE_ALLOCATES("a guard that does not return, a null buffer",
                   cwdLoud(NULL, 0));
  ORACLE_ALLOCATES("a buffer changed after the guard", whereAmIChanged());
}
#endif
