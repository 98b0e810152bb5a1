/* In C too: malloc freed in the same function becomes a local array.
 * RUN: rm -rf %t && mkdir -p %t && cp %s %t/local.c
 * RUN: %expect-exit 1 %noalloc --no-cache --fix %t/local.c -- -x c -std=c11 > /dev/null
 * RUN: FileCheck %s --input-file=%t/local.c --check-prefix=CHECK-FIXES
 * RUN: %clang -x c -std=c11 -fsyntax-only %t/local.c
 */
#include <stdlib.h>

int sum(void) {
  int *values = calloc(8, sizeof(int));
  // CHECK-FIXES: {{^ *}}int values_storage[8] = {0};
  // CHECK-FIXES-NEXT: {{^ *}}int *values = values_storage;
  int total = 0;
  for (int i = 0; i < 8; ++i)
    total += values[i];
  free(values);
  // CHECK-FIXES: {{^ *}}total += values[i];
  // CHECK-FIXES-NEXT: {{^  // CHECK-FIXES: }}
  return total;
}
