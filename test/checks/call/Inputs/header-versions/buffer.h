#include <stdlib.h>

/* Each unit that includes this compiles its own copy, with or without the
   heap. */
static inline void *get_buffer(size_t n) {
#ifdef BUFFER_NO_HEAP
  (void)n;
  return NULL;
#else
  return malloc(n);
#endif
}
