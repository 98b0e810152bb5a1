// RT-Thread's own heap (src/mem.c), declared in rtthread.h: blocks of a
// static array, the heap all the same.
#include "rtthread.h"

static unsigned char heap[1024];
static size_t top;

void *rt_malloc(size_t size) {
  if (top + size > sizeof heap)
    return NULL;
  top += size;
  return heap + top - size;
}
void rt_free(void *ptr) { (void)ptr; }

void rt_thread_tick(void) { rt_free(rt_malloc(16)); }
