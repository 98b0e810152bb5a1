/* review7-3: glibc's qsort mallocs a merge buffer when nmemb*size is 1 KiB
   or more (knowledge: may-allocate), which the default policy accepts;
   memcpy uses no heap whatever its inputs. */
#include <stdlib.h>
#include <string.h>

static int compare(const void *a, const void *b) {
  return *(const int *)a - *(const int *)b;
}
void sort_block(int *v, size_t n) { qsort(v, n, sizeof *v, compare); }
void copy_block(int *to, const int *from, size_t n) {
  memcpy(to, from, n * sizeof *to);
}

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  static int v[1000], w[1000];
  for (int i = 0; i < 1000; ++i)
    v[i] = 1000 - i;
  ORACLE_NO_HEAP("sort 100 ints", sort_block(v, 100));
  ORACLE_ALLOCATES("sort 1000 ints", sort_block(v, 1000));
  ORACLE_NO_HEAP("copy 1000 ints", copy_block(w, v, 1000));
}
#endif
