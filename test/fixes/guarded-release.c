/* A 'free(p);' that is the whole body of an if, an else or a label gives
 * way to an empty block, not to nothing: removed, it would hand the if to
 * the next statement ('if (buf) return r;'), leave an else without its if,
 * or a label at the end of a block. The fixed program compiles with
 * -Wall -Werror and prints what the original prints.
 * RUN: rm -rf %t && mkdir -p %t && cp %s %t/guarded.c
 * RUN: %clang -x c -std=c11 %s -o %t/before && %t/before > %t/before.txt
 * RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-c-allocation' --fix %t/guarded.c -- -x c -std=c11 \
 * RUN:   | FileCheck %s --check-prefix=NOTES
 * RUN: FileCheck %s --input-file=%t/guarded.c --check-prefix=CHECK-FIXES
 * RUN: %clang -x c -std=c11 -Wall -Werror %t/guarded.c -o %t/after
 * RUN: %t/after > %t/after.txt && diff %t/before.txt %t/after.txt
 * RUN: FileCheck %s --input-file=%t/after.txt --check-prefix=RUNS
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int lines;

int guarded(const char *in) {
  char *buf = malloc(64);
  int r = -1;
  if (buf) {
    strncpy(buf, in, 63);
    buf[63] = 0;
    r = (int)strlen(buf);
  }
  if (buf)
    free(buf);
  return r;
}

int counted(int verbose) {
  char *line = malloc(32);
  snprintf(line, 32, "%d", verbose);
  int r = line[0];
  if (!verbose)
    free(line);
  lines++;
  return r;
}

int branch(int keep) {
  char *tmp = malloc(16);
  tmp[0] = 7;
  int r = tmp[0];
  if (!keep)
    free(tmp);
  else
    r = -r;
  return r;
}

int labelled(int k) {
  char *p = malloc(4);
  p[0] = 2;
  int r = p[0];
  switch (k) {
  case 0:
    r++;
    break;
  default:
    free(p);
  }
  return r;
}

/* The twin: a free in a block of its own goes with its line. */
int plain(void) {
  char *q = malloc(8);
  q[0] = 3;
  int r = q[0];
  free(q);
  return r;
}

int main(void) {
  int a = guarded("hello");
  int b = counted(0);
  int c = branch(0) + branch(1);
  int d = labelled(1);
  int e = plain();
  printf("%d %d %d %d %d lines=%d\n", a, b, c, d, e, lines);
  return 0;
}

/* NOTES: guarded.c:22:15: note: replace with a local array 'char buf_storage[64]': it is freed in the same function
 * NOTES: guarded.c:35:16: note: replace with a local array 'char line_storage[32]': it is freed in the same function
 * NOTES: guarded.c:45:15: note: replace with a local array 'char tmp_storage[16]': it is freed in the same function
 * NOTES: guarded.c:56:13: note: replace with a local array 'char p_storage[4]': it is freed in the same function
 * NOTES: guarded.c:71:13: note: replace with a local array 'char q_storage[8]': it is freed in the same function
 *
 * CHECK-FIXES: {{^}}  if (buf){{$}}
 * CHECK-FIXES-NEXT: {{^}}    {}
 * CHECK-FIXES-NEXT: {{^}}  return r;
 * CHECK-FIXES: {{^}}  if (!verbose)
 * CHECK-FIXES-NEXT: {{^}}    {}
 * CHECK-FIXES-NEXT: {{^}}  lines++;
 * CHECK-FIXES: {{^}}  if (!keep)
 * CHECK-FIXES-NEXT: {{^}}    {}
 * CHECK-FIXES-NEXT: {{^}}  else
 * CHECK-FIXES: {{^}}  default:
 * CHECK-FIXES-NEXT: {{^}}    {}
 * CHECK-FIXES-NEXT: {{^}}  }
 * CHECK-FIXES: {{^}}  int r = q[0];
 * CHECK-FIXES-NEXT: {{^}}  return r;
 *
 * RUNS: 5 48 0 2 3 lines=1
 */
