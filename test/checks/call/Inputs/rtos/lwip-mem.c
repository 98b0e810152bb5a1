// lwIP's heap (src/core/mem.c with MEM_LIBC_MALLOC 0), declared in
// lwip/mem.h: variable-size blocks of the static ram_heap, the heap all the
// same. Its pools (src/core/memp.c): fixed-size blocks of static arrays.
#include "lwip/mem.h"
#include "lwip/memp.h"

static unsigned char ram_heap[1024];
static size_t top;

void *mem_malloc(mem_size_t size) {
  if (top + size > sizeof ram_heap)
    return NULL;
  top += size;
  return ram_heap + top - size;
}
void *mem_calloc(mem_size_t count, mem_size_t size) {
  return mem_malloc(count * size);
}
void *mem_trim(void *mem, mem_size_t size) {
  (void)size;
  return mem;
}
void mem_free(void *mem) { (void)mem; }

static unsigned char pools[MEMP_MAX][4][32];
static unsigned char pool_used[MEMP_MAX][4];

void *memp_malloc(memp_t type) {
  for (int i = 0; i < 4; ++i)
    if (!pool_used[type][i]) {
      pool_used[type][i] = 1;
      return pools[type][i];
    }
  return NULL;
}
void memp_free(memp_t type, void *mem) {
  for (int i = 0; i < 4; ++i)
    if (pools[type][i] == mem)
      pool_used[type][i] = 0;
}

static unsigned n;
// A control loop's variable-size block from lwIP's heap (review10-2).
void lwip_tick(void) { mem_free(mem_malloc(16 + n++ % 200)); }
void *lwip_shrink(void *p) { return mem_trim(p, 8); }
void *lwip_zeroed(void) { return mem_calloc(4, 8); }
// The twin: a block of a fixed-size pool is not the heap.
void pool_tick(void) { memp_free(MEMP_UDP_PCB, memp_malloc(MEMP_UDP_PCB)); }
