/* LD_PRELOAD shim counting heap calls. Forwards to glibc's exported
 * __libc_* entry points, so no dlsym (which itself may call calloc). */
#define _GNU_SOURCE
#include <stddef.h>
#include <errno.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);
extern void *__libc_memalign(size_t, size_t);

/* 0 malloc 1 calloc 2 realloc 3 free 4 memalign-family */
static unsigned long counts[5];
static __thread int depth; /* do not count calls made while counting */

/* probe.c reads counters through this (declared weak there). */
void count_malloc_get(unsigned long out[5]) {
  for (int i = 0; i < 5; i++) out[i] = __atomic_load_n(&counts[i], __ATOMIC_RELAXED);
}
static void bump(int k) { if (!depth) __atomic_add_fetch(&counts[k], 1, __ATOMIC_RELAXED); }

void *malloc(size_t n) { bump(0); return __libc_malloc(n); }
void *calloc(size_t a, size_t b) { bump(1); return __libc_calloc(a, b); }
void *realloc(void *p, size_t n) { bump(2); return __libc_realloc(p, n); }
void free(void *p) { if (p) bump(3); __libc_free(p); }
void *memalign(size_t a, size_t n) { bump(4); return __libc_memalign(a, n); }
void *aligned_alloc(size_t a, size_t n) { bump(4); return __libc_memalign(a, n); }
int posix_memalign(void **r, size_t a, size_t n) {
  bump(4);
  if (a % sizeof(void *) || (a & (a - 1))) return EINVAL;
  void *p = __libc_memalign(a, n);
  if (!p) return ENOMEM;
  *r = p;
  return 0;
}
