/* A system header's static inline function that the units preprocess
   apart: with or without the heap. */
#include <stdlib.h>
static inline void *sys_buffer(size_t n) {
#ifdef SYS_NO_HEAP
  (void)n;
  return NULL;
#else
  return malloc(n);
#endif
}
