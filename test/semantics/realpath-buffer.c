/* realpath(path, buf) with a caller's buffer may allocate: glibc resolves
 * the path in a 1024-byte scratch buffer on the stack and grows it with
 * malloc when the path is longer (the oracle: 1 acquired and 1 released
 * for a 1330-byte path, 0 for "/tmp"). The knowledge base's
 * 'not-null-effect: may-allocate' says so: the default policy accepts it,
 * the strict policy and ReportMayAllocate report it, with the condition:
 * noalloc-call's note says it too, for a call in the root and as a chain's
 * last step (before, no note, or 'calls library code that may allocate on
 * some inputs').
 * Before, the call with a buffer was no call at all, under every policy
 * (review3 F3). The twins: realpath(path, NULL) allocates under every
 * policy, and getcwd with a buffer never allocates.
 * RUN: %expect-exit 1 %noalloc --no-cache %s -- | FileCheck %s --check-prefix=LENIENT --implicit-check-not='{{warning|error}}:'
 * RUN: %expect-exit 1 %noalloc --no-cache --config='{CheckOptions: {Policy: strict}}' %s -- \
 * RUN:   | FileCheck %s --check-prefixes=LENIENT,STRICT --implicit-check-not='{{warning|error}}:'
 * RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-c-allocation' --config='{CheckOptions: {noalloc-c-allocation.ReportMayAllocate: true}}' %s -- \
 * RUN:   | FileCheck %s --check-prefix=REPORT --implicit-check-not='{{warning|error}}:'
 * With noalloc-call too, ReportMayAllocate's call is noalloc-c-allocation's
 * only: one warning, not a second by noalloc-call at the same place.
 * RUN: %expect-exit 1 %noalloc --no-cache --config='{CheckOptions: {noalloc-c-allocation.ReportMayAllocate: true}}' %s -- \
 * RUN:   | FileCheck %s --check-prefixes=LENIENT,BOTH --implicit-check-not='{{warning|error}}:'
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
// STRICT: realpath-buffer.c:[[@LINE-5]]:10: note: 'resolveInto' must not allocate: it is a noalloc root
// STRICT: realpath-buffer.c:[[@LINE-4]]:10: note: 'realpath' may allocate on the heap (with a buffer too, when the path is longer than 1024 bytes {{.*}}) (the strict policy counts it as allocating)
// REPORT: realpath-buffer.c:[[@LINE-5]]:10: warning: call to 'realpath' may allocate on the heap: with a buffer too, when the path is longer than 1024 bytes {{.*}} [noalloc-c-allocation]
// BOTH: realpath-buffer.c:[[@LINE-6]]:10: warning: call to 'realpath' may allocate on the heap: with a buffer too, when the path is longer than 1024 bytes {{.*}} [noalloc-c-allocation]

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

/* Through a function of its own: the chain's last note says why too. */
static int resolveHere(const char *path) {
  char out[PATH_MAX];
  return realpath(path, out) != NULL;
}
// STRICT: realpath-buffer.c:[[@LINE-2]]:10: warning: call to 'realpath' may allocate on the heap [noalloc-call]
ROOT int resolveVia(const char *path) { return resolveHere(path); }
// STRICT: realpath-buffer.c:[[@LINE-1]]:48: warning: call to 'resolveHere' may allocate on the heap [noalloc-call]
// STRICT: realpath-buffer.c:[[@LINE-5]]:10: note: 'resolveHere' calls 'realpath', which may allocate on the heap (with a buffer too, when the path is longer than 1024 bytes {{.*}})
// REPORT: realpath-buffer.c:[[@LINE-6]]:10: warning: call to 'realpath' may allocate on the heap: with a buffer too, when the path is longer than 1024 bytes {{.*}} [noalloc-c-allocation]
// BOTH: realpath-buffer.c:[[@LINE-7]]:10: warning: call to 'realpath' may allocate on the heap: with a buffer too, when the path is longer than 1024 bytes {{.*}} [noalloc-c-allocation]
// BOTH: realpath-buffer.c:[[@LINE-5]]:48: warning: call to 'resolveHere' may allocate on the heap [noalloc-call]
// BOTH: realpath-buffer.c:[[@LINE-9]]:10: note: 'resolveHere' calls 'realpath', which may allocate on the heap (with a buffer too, when the path is longer than 1024 bytes {{.*}})

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
  ORACLE_NO_HEAP("resolveVia(\"/tmp\")", resolveVia("/tmp"));
  ORACLE_ALLOCATES("resolveVia(a long path)", resolveVia(path));
  ORACLE_ALLOCATES("resolveNew", resolveNew("/tmp"));
  ORACLE_NO_HEAP("here", here());
  for (size_t n = strlen(path); n >= strlen(base); n = strlen(path)) {
    rmdir(path);
    *strrchr(path, '/') = '\0';
  }
}
#endif
