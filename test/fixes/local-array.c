/* In C too: malloc and calloc freed in the same function become a local
 * array, whose size keeps the user's spelling (a macro, an enumerator, a
 * count times sizeof): the fixed file still says BLOCK, and compiles.
 * Each call that has the fix's shape but no fix says why, in the tool and
 * in the plugin alike.
 * RUN: rm -rf %t && mkdir -p %t && cp %s %t/local.c
 * RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-c-allocation' %s -- -x c -std=c11 \
 * RUN:   | FileCheck %s --check-prefix=NOTES --implicit-check-not='note:'
 * RUN: %expect-exit 0 %clang-tidy-noalloc -checks='-*,noalloc-c-allocation' %s -- -x c -std=c11 \
 * RUN:   | FileCheck %s --check-prefix=NOTES --implicit-check-not='note:'
 * RUN: %expect-exit 1 %noalloc --no-cache --fix %t/local.c -- -x c -std=c11 > /dev/null
 * RUN: FileCheck %s --input-file=%t/local.c --check-prefix=CHECK-FIXES
 * RUN: %clang -x c -std=c11 -fsyntax-only -Werror=vla %t/local.c
 * RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-c-allocation' %t/local.c -- -x c -std=c11 \
 * RUN:   | FileCheck %s --check-prefix=AGAIN --implicit-check-not='warning:' --implicit-check-not='_storage'
 */
#include <stdlib.h>

#define BLOCK 64
#define PAIR (2 + 2)
enum { SLOTS = 8 };

int sum(void) {
  int *values = calloc(8, sizeof(int));
  int total = 0;
  for (int i = 0; i < 8; ++i)
    total += values[i];
  free(values);
  return total;
}

char scratch(void) {
  char *buf = malloc(BLOCK);
  buf[0] = 1;
  char first = buf[0];
  free(buf);
  return first;
}

long counted(void) {
  long *slots = calloc(SLOTS, sizeof(long));
  long last = slots[SLOTS - 1];
  free(slots);
  return last;
}

int words(void) {
  int *w = malloc(PAIR * BLOCK);
  int first = w[0];
  free(w);
  return first;
}

/* The negative twins: the size is not a constant, the pointer is freed
 * twice, or the memory is not held by a local pointer (no note). */
int sized(int n) {
  int *v = calloc(n, sizeof(int));
  int first = v[0];
  free(v);
  return first;
}
void twice(void) {
  char *t = malloc(BLOCK);
  free(t);
  free(t);
}
int *kept;
void keep(void) { kept = calloc(BLOCK, sizeof(int)); }
/* Four ints, whatever sizeof(int) is: the count is 4, not sizeof(int)
 * (equal here, 2 on a 16-bit target). */
int quad(void) {
  int *q = calloc(4, sizeof(int));
  int last = q[3];
  free(q);
  return last;
}

/* NOTES: {{[a-z-]+}}.c:24:17: note: replace with a local array 'int values_storage[8]': it is freed in the same function
 * NOTES: {{[a-z-]+}}.c:33:15: note: replace with a local array 'char buf_storage[BLOCK]': it is freed in the same function
 * NOTES: {{[a-z-]+}}.c:41:17: note: replace with a local array 'long slots_storage[SLOTS]': it is freed in the same function
 * NOTES: {{[a-z-]+}}.c:48:12: note: replace with a local array 'int w_storage[(PAIR * BLOCK) / sizeof(int)]': it is freed in the same function
 * NOTES: {{[a-z-]+}}.c:57:12: note: no fix: the number of bytes is not a constant
 * NOTES: {{[a-z-]+}}.c:63:13: note: no fix: 't' is freed more than once
 * NOTES: {{[a-z-]+}}.c:72:12: note: replace with a local array 'int q_storage[4]': it is freed in the same function
 *
 * CHECK-FIXES: {{^}}  int values_storage[8] = {0};
 * CHECK-FIXES-NEXT: {{^}}  int *values = values_storage;
 * CHECK-FIXES: {{^}}    total += values[i];
 * CHECK-FIXES-NEXT: {{^}}  return total;
 * CHECK-FIXES: {{^}}  char buf_storage[BLOCK];
 * CHECK-FIXES-NEXT: {{^}}  char *buf = buf_storage;
 * CHECK-FIXES: {{^}}  char first = buf[0];
 * CHECK-FIXES-NEXT: {{^}}  return first;
 * CHECK-FIXES: {{^}}  long slots_storage[SLOTS] = {0};
 * CHECK-FIXES-NEXT: {{^}}  long *slots = slots_storage;
 * CHECK-FIXES: {{^}}  int w_storage[(PAIR * BLOCK) / sizeof(int)];
 * CHECK-FIXES: {{^}}  int *v = calloc(n, sizeof(int));
 * CHECK-FIXES: {{^}}  char *t = malloc(BLOCK);
 * CHECK-FIXES: {{^}}  int q_storage[4] = {0};
 * CHECK-FIXES-NEXT: {{^}}  int *q = q_storage;
 *
 * AGAIN: warning: call to 'calloc' allocates on the heap
 * AGAIN-NEXT: int *v = calloc(n, sizeof(int));
 * AGAIN: warning: call to 'free' releases heap memory
 * AGAIN: warning: call to 'malloc' allocates on the heap
 * AGAIN-NEXT: char *t = malloc(BLOCK);
 * AGAIN: warning: call to 'free' releases heap memory
 * AGAIN: warning: call to 'free' releases heap memory
 * AGAIN: warning: call to 'calloc' allocates on the heap
 */

/* The C FAQ's idiom names the variable in its own size: 'sizeof *bytes'
 * cannot be the bound of the array declared before it, even when it is 1
 * (bytes, the usual firmware buffer). */
int checksum(const unsigned char *in) {
  unsigned char *bytes = malloc(32 * sizeof *bytes);
  int s = 0;
  for (int i = 0; i < 32; i++)
    s += bytes[i] = in[i] ^ 0x5a;
  free(bytes);
  return s;
}
/* NOTES: {{[a-z-]+}}.c:[[@LINE-7]]:{{[0-9]+}}: note: replace with a local array 'unsigned char bytes_storage[32]': it is freed in the same function
 * CHECK-FIXES: {{^}}  unsigned char bytes_storage[32];
 * CHECK-FIXES-NEXT: {{^}}  unsigned char *bytes = bytes_storage;
 */
int ticks(void) {
  int *t = malloc(16 * sizeof *t);
  t[0] = 1;
  int first = t[0];
  free(t);
  return first;
}
/* NOTES: {{[a-z-]+}}.c:[[@LINE-6]]:{{[0-9]+}}: note: replace with a local array 'int t_storage[16]': it is freed in the same function
 * CHECK-FIXES: {{^}}  int t_storage[16];
 * CHECK-FIXES-NEXT: {{^}}  int *t = t_storage;
 */
char one(void) {
  char *c = malloc(sizeof *c);
  *c = 'x';
  char v = *c;
  free(c);
  return v;
}
/* NOTES: {{[a-z-]+}}.c:[[@LINE-6]]:{{[0-9]+}}: note: replace with a local array 'char c_storage[1]': it is freed in the same function
 * CHECK-FIXES: {{^}}  char c_storage[1];
 * CHECK-FIXES-NEXT: {{^}}  char *c = c_storage;
 */
