/* The oracle's heap counter, linked into each witness program. It replaces
 * the malloc family and the replaceable operator new/delete (written with
 * their Itanium names, so this file stays C) and forwards to glibc's
 * __libc_* entry points: no dlsym, which may itself call calloc. Both
 * libstdc++ and libc++ call the executable's definitions. */
#define _GNU_SOURCE
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);
extern void *__libc_memalign(size_t, size_t);

/* Acquisitions (malloc, calloc, realloc, memalign family, operator new)
 * and releases (free of a non-null pointer, operator delete). */
static unsigned long acquired, released;

void noalloc_oracle_counts(unsigned long *acq, unsigned long *rel) {
  *acq = __atomic_load_n(&acquired, __ATOMIC_RELAXED);
  *rel = __atomic_load_n(&released, __ATOMIC_RELAXED);
}
static void *got(void *p) {
  __atomic_add_fetch(&acquired, 1, __ATOMIC_RELAXED);
  return p;
}
static void drop(void *p) {
  if (p)
    __atomic_add_fetch(&released, 1, __ATOMIC_RELAXED);
  __libc_free(p);
}

void *malloc(size_t n) { return got(__libc_malloc(n)); }
void *calloc(size_t a, size_t b) { return got(__libc_calloc(a, b)); }
void *realloc(void *p, size_t n) { return got(__libc_realloc(p, n)); }
void free(void *p) { drop(p); }
void *memalign(size_t a, size_t n) { return got(__libc_memalign(a, n)); }
void *aligned_alloc(size_t a, size_t n) { return got(__libc_memalign(a, n)); }
void *valloc(size_t n) { return got(__libc_memalign(4096, n)); }
int posix_memalign(void **r, size_t a, size_t n) {
  if (a % sizeof(void *) || (a & (a - 1)))
    return EINVAL;
  void *p = got(__libc_memalign(a, n));
  if (!p)
    return ENOMEM;
  *r = p;
  return 0;
}

/* operator new/new[] (plain, nothrow, aligned, aligned nothrow). Failure
 * aborts: a witness never runs out of memory. */
static void *must(void *p) {
  if (!p)
    abort();
  return p;
}
void *_Znwm(size_t n) { return must(got(__libc_malloc(n ? n : 1))); }
void *_Znam(size_t n) { return must(got(__libc_malloc(n ? n : 1))); }
void *_ZnwmRKSt9nothrow_t(size_t n, const void *t) { return got(__libc_malloc(n ? n : 1)); }
void *_ZnamRKSt9nothrow_t(size_t n, const void *t) { return got(__libc_malloc(n ? n : 1)); }
void *_ZnwmSt11align_val_t(size_t n, size_t a) { return must(got(__libc_memalign(a, n ? n : 1))); }
void *_ZnamSt11align_val_t(size_t n, size_t a) { return must(got(__libc_memalign(a, n ? n : 1))); }
void *_ZnwmSt11align_val_tRKSt9nothrow_t(size_t n, size_t a, const void *t) { return got(__libc_memalign(a, n ? n : 1)); }
void *_ZnamSt11align_val_tRKSt9nothrow_t(size_t n, size_t a, const void *t) { return got(__libc_memalign(a, n ? n : 1)); }

/* operator delete/delete[]: plain, sized, aligned, sized aligned, nothrow. */
void _ZdlPv(void *p) { drop(p); }
void _ZdaPv(void *p) { drop(p); }
void _ZdlPvm(void *p, size_t n) { drop(p); }
void _ZdaPvm(void *p, size_t n) { drop(p); }
void _ZdlPvSt11align_val_t(void *p, size_t a) { drop(p); }
void _ZdaPvSt11align_val_t(void *p, size_t a) { drop(p); }
void _ZdlPvmSt11align_val_t(void *p, size_t n, size_t a) { drop(p); }
void _ZdaPvmSt11align_val_t(void *p, size_t n, size_t a) { drop(p); }
void _ZdlPvRKSt9nothrow_t(void *p, const void *t) { drop(p); }
void _ZdaPvRKSt9nothrow_t(void *p, const void *t) { drop(p); }
void _ZdlPvSt11align_val_tRKSt9nothrow_t(void *p, size_t a, const void *t) { drop(p); }
void _ZdaPvSt11align_val_tRKSt9nothrow_t(void *p, size_t a, const void *t) { drop(p); }
