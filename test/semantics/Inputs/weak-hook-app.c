/* The program of weak-hook.c: it replaces the library's weak hook with a
 * strong definition that allocates, unless -DKEEP_DEFAULT. */
#include <stdlib.h>

void lib_push(int v);

#ifndef KEEP_DEFAULT
static void *kept;
void on_overflow(int n) { kept = malloc((size_t)n); }
#endif

#ifndef NOALLOC_ORACLE
int main(void) {
  for (int i = 0; i < 9; ++i)
    lib_push(i);
  return 0;
}
#endif
