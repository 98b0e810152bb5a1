/* A release build (-O2, with or without -D_FORTIFY_SOURCE=2, as Debian's
 * dpkg-buildflags and most hardened builds set) sees other functions than
 * the code names: glibc's headers turn 'getline' into an inline wrapper of
 * __getdelim, 'realpath' and 'getcwd' into wrappers of __realpath_chk,
 * __getcwd_chk or an asm-labelled '__realpath_alias', and 'asprintf' and
 * 'syslog' into macros that call __asprintf_chk and __syslog_chk. Each is
 * the library function it stands for (libraryFunctionName): before, they
 * were unknown library functions, accepted by the default policy, and the
 * roots were clean (review3 F2). The findings and verdicts are those of
 * -O0, word for word (a note may say the wrapper "may allocate": its body
 * is seen). The twins pass a buffer: nothing allocates.
 * RUN: %expect-exit 1 %noalloc --no-cache %s -- -O0 > %t.O0.txt
 * RUN: FileCheck %s --input-file=%t.O0.txt --implicit-check-not='{{warning|error}}:'
 * RUN: %expect-exit 1 %noalloc --no-cache %s -- -O2 > %t.O2.txt
 * RUN: FileCheck %s --input-file=%t.O2.txt --implicit-check-not='{{warning|error}}:'
 * RUN: %expect-exit 1 %noalloc --no-cache %s -- -O2 -D_FORTIFY_SOURCE=2 > %t.fortify.txt
 * RUN: FileCheck %s --input-file=%t.fortify.txt --implicit-check-not='{{warning|error}}:'
 * RUN: %oracle %s -- -O2 -D_FORTIFY_SOURCE=2
 * RUN: %oracle %s -- -O2
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <syslog.h>
#include <unistd.h>

#define ROOT __attribute__((annotate("noalloc")))

static char *resolve(const char *p) { return realpath(p, NULL); }
ROOT int r_realpath(const char *p) {
  char *r = resolve(p);
  int ok = r != NULL;
  free(r);
  return ok;
}
// CHECK: glibc-fortify.c:[[@LINE-7]]:46: warning: call to 'realpath' with a null argument 2 allocates on the heap [noalloc-c-allocation]
// CHECK: glibc-fortify.c:[[@LINE-6]]:13: warning: call to 'resolve' may allocate on the heap [noalloc-call]
// CHECK: glibc-fortify.c:[[@LINE-5]]:3: warning: call to 'free' releases heap memory [noalloc-c-allocation]
ROOT char *r_getcwd(void) { return getcwd(NULL, 0); }
// CHECK: glibc-fortify.c:[[@LINE-1]]:36: warning: call to 'getcwd' with a null argument 1 allocates on the heap [noalloc-c-allocation]
ROOT int r_asprintf(char **s) { return asprintf(s, "%d", 1); }
// CHECK: glibc-fortify.c:[[@LINE-1]]:40: warning: call to 'asprintf' allocates on the heap [noalloc-c-allocation]
ROOT void r_syslog(int v) { syslog(LOG_DEBUG, "value %d", v); }
// CHECK: glibc-fortify.c:[[@LINE-1]]:29: warning: call to 'syslog' allocates on the heap [noalloc-c-allocation]
static ssize_t read_line(char **l, size_t *n, FILE *f) {
  return getline(l, n, f);
}
// CHECK: glibc-fortify.c:[[@LINE-2]]:10: warning: call to 'getline' allocates on the heap [noalloc-c-allocation]
ROOT ssize_t r_getline(FILE *f, char **l, size_t *n) {
  return read_line(l, n, f);
}
// CHECK: glibc-fortify.c:[[@LINE-2]]:10: warning: call to 'read_line' may allocate on the heap [noalloc-call]

/* The twins. */
ROOT int r_getcwd_buffer(void) {
  char buf[256];
  return getcwd(buf, sizeof buf) != NULL;
}
ROOT int r_snprintf(char *out, size_t n, int v) {
  return snprintf(out, n, "%d", v);
}

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  char *s = NULL;
  char line_buf[32];
  FILE *f = fopen("/proc/self/status", "r");
  char *line = NULL;
  size_t cap = 0;
  ORACLE_ALLOCATES("r_realpath", r_realpath("/tmp"));
  ORACLE_ALLOCATES("r_getcwd", free(r_getcwd()));
  ORACLE_ALLOCATES("r_asprintf", r_asprintf(&s));
  ORACLE_ALLOCATES("r_syslog", r_syslog(1));
  ORACLE_ALLOCATES("r_getline", r_getline(f, &line, &cap));
  ORACLE_NO_HEAP("r_getcwd_buffer", r_getcwd_buffer());
  ORACLE_NO_HEAP("r_snprintf", r_snprintf(line_buf, sizeof line_buf, 42));
  free(s);
  free(line);
}
#endif
