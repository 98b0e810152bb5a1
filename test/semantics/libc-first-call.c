/* C library functions that were in no knowledge file (review10-6): the
 * default policy accepted them as library code with no body, the strict one
 * reported them as such. ttyname returns the name in a static buffer that
 * its first call on a terminal mallocs (1, then 0; 0 on a descriptor that
 * is not a terminal): may-allocate, which ReportMayAllocate and the strict
 * policy report. The twin: fflush writes the buffer out and allocates
 * nothing (0 for stdout, a file written to, a stream never written and
 * fflush(NULL)): 'none', which lwIP's LWIP_PLATFORM_ASSERT (printf,
 * fflush(NULL), abort) needs under the strict policy. fnmatch is in
 * libc-locale.c.
 * RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-c-allocation' \
 * RUN:   --config='{CheckOptions: {noalloc-c-allocation.ReportMayAllocate: true}}' %s -- \
 * RUN:   | FileCheck %s --check-prefix=REPORT --implicit-check-not='{{warning|error}}:'
 * RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-call' --format=json \
 * RUN:   --config='{CheckOptions: {Policy: strict}}' %s -- | FileCheck %s --check-prefix=STRICT
 * RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-call' --config='{CheckOptions: {Policy: strict}}' \
 * RUN:   %s -- 2>&1 | FileCheck %s --check-prefix=SUMMARY
 * RUN: %oracle %s --
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define ROOT __attribute__((annotate("noalloc")))

ROOT const char *tty_name(int fd) { return ttyname(fd); }
// REPORT: libc-first-call.c:[[@LINE-1]]:44: warning: call to 'ttyname' may allocate on the heap: the first call on a terminal mallocs the buffer the name is returned in (measured 1, then 0; 0 for a descriptor that is not a terminal) [noalloc-c-allocation]
ROOT int flush_out(void) { return fflush(stdout); }
ROOT int flush_all(void) { return fflush(NULL); }
ROOT int flush_file(FILE *f) { return fflush(f); }

// STRICT: "name": "tty_name",
// STRICT-NEXT: "usr": {{.*}}
// STRICT-NEXT: "verdict": "allocates"
// STRICT: "name": "flush_out",
// STRICT-NEXT: "usr": {{.*}}
// STRICT-NEXT: "verdict": "none"
// STRICT: "name": "flush_all",
// STRICT-NEXT: "usr": {{.*}}
// STRICT-NEXT: "verdict": "none"
// STRICT: "name": "flush_file",
// STRICT-NEXT: "usr": {{.*}}
// STRICT-NEXT: "verdict": "none"
// SUMMARY-DAG: noalloc: root 'flush_out' does not use the heap
// SUMMARY-DAG: noalloc: root 'flush_all' does not use the heap
// SUMMARY-DAG: noalloc: root 'flush_file' does not use the heap

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  int null = open("/dev/null", O_RDWR);
  int master = posix_openpt(O_RDWR | O_NOCTTY);
  grantpt(master);
  unlockpt(master);
  int terminal = open(ptsname(master), O_RDWR | O_NOCTTY);
  FILE *written = tmpfile();
  FILE *unused = tmpfile();
  fputs("sample", written);
  ORACLE_NO_HEAP("ttyname, not a terminal", tty_name(null));
  ORACLE_ALLOCATES("ttyname, the first call on a terminal", tty_name(terminal));
  ORACLE_NO_HEAP("ttyname, later", tty_name(terminal));
  ORACLE_NO_HEAP("fflush(stdout)", flush_out());
  ORACLE_NO_HEAP("fflush of a file written to", flush_file(written));
  ORACLE_NO_HEAP("fflush of a stream never written", flush_file(unused));
  fputs("sample", written);
  ORACLE_NO_HEAP("fflush(NULL)", flush_all());
}
#endif
