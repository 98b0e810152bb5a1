/* Another program of the same project (open-entry.c). */
#include <stddef.h>

struct Cmp;
struct Cmp *cmp_create(void *state,
                       int (*compare)(void *, const char *, size_t));
int rt_compare(const struct Cmp *c, const char *a, size_t n);

#ifdef CALLED
static int quiet(void *s, const char *a, size_t n) {
  return (int)n + (s != NULL) + a[0];
}
#endif

#ifndef NOALLOC_ORACLE
int main(void) {
#ifdef CALLED
  return rt_compare(cmp_create(NULL, quiet), "ab", 2);
#else
  return 0;
#endif
}
#endif
