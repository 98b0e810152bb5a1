/* realpath(path, buf) with a caller's buffer may allocate: glibc resolves
 * the path in a 1024-byte scratch buffer on the stack and grows it with
 * malloc when the path is longer (the oracle: 1 acquired and 1 released
 * for a 1330-byte path, 0 for "/tmp"). The knowledge base's
 * 'not-null-effect: may-allocate' says so: the default policy accepts it,
 * the strict policy and ReportMayAllocate report it, with the condition.
 * Before, the call with a buffer was no call at all, under every policy
 * (review3 F3). The twins: realpath(path, NULL) allocates under every
 * policy, and getcwd with a buffer never allocates.
 * RUN: %expect-exit 1 %noalloc --no-cache %s -- | FileCheck %s --check-prefix=LENIENT --implicit-check-not='{{warning|error}}:'
 * RUN: %expect-exit 1 %noalloc --no-cache --config='{CheckOptions: {Policy: strict}}' %s -- \
 * RUN:   | FileCheck %s --check-prefixes=LENIENT,STRICT --implicit-check-not='{{warning|error}}:'
 * RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-c-allocation' --config='{CheckOptions: {noalloc-c-allocation.ReportMayAllocate: true}}' %s -- \
 * RUN:   | FileCheck %s --check-prefix=REPORT --implicit-check-not='{{warning|error}}:'
 * RUN: %oracle %s --
 */
#include <limits.h>
#include <stdlib.h>
#include <unistd.h>

#define ROOT __attribute__((annotate("noalloc")))

ROOT int resolveInto(const char *path) {
  char out[PATH_MAX];
  return realpath(path, out) != NULL;
}
// STRICT: realpath-buffer.c:[[@LINE-2]]:10: warning: call to 'realpath' may allocate on the heap [noalloc-call]
// REPORT: realpath-buffer.c:[[@LINE-3]]:10: warning: call to 'realpath' may allocate on the heap: with a buffer too, when the path is longer than 1024 bytes {{.*}} [noalloc-c-allocation]

ROOT int resolveNew(const char *path) {
  char *r = realpath(path, NULL);
  int ok = r != NULL;
  free(r);
  return ok;
}
// LENIENT: realpath-buffer.c:[[@LINE-5]]:13: warning: call to 'realpath' with a null argument 2 allocates on the heap [noalloc-c-allocation]
// LENIENT: realpath-buffer.c:[[@LINE-4]]:3: warning: call to 'free' releases heap memory [noalloc-c-allocation]
// REPORT: realpath-buffer.c:[[@LINE-7]]:13: warning: call to 'realpath' with a null argument 2 allocates on the heap [noalloc-c-allocation]
// REPORT: realpath-buffer.c:[[@LINE-6]]:3: warning: call to 'free' releases heap memory [noalloc-c-allocation]

ROOT int here(void) {
  char out[PATH_MAX];
  return getcwd(out, sizeof out) != NULL;
}

#ifdef NOALLOC_ORACLE
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include "oracle.h"
ORACLE_MAIN {
  /* A 1330-byte path of real directories under a fresh one. */
  static char path[PATH_MAX];
  char base[] = "/tmp/noalloc-realpath-XXXXXX";
  if (!mkdtemp(base))
    abort();
  strcpy(path, base);
  for (int i = 0; i < 10; ++i) {
    strcat(path, "/");
    for (int j = 0; j < 129; ++j)
      strcat(path, "a");
    mkdir(path, 0700);
  }
  ORACLE_NO_HEAP("resolveInto(\"/tmp\")", resolveInto("/tmp"));
  ORACLE_ALLOCATES("resolveInto(a long path)", resolveInto(path));
  ORACLE_ALLOCATES("resolveNew", resolveNew("/tmp"));
  ORACLE_NO_HEAP("here", here());
  for (size_t n = strlen(path); n >= strlen(base); n = strlen(path)) {
    rmdir(path);
    *strrchr(path, '/') = '\0';
  }
}
#endif
