// A program with no lwIP whose own C functions are named like lwIP's heap
// (declared in its own mem.h, not lwip/mem.h): a bump allocator of an arena
// reset every frame, no heap anywhere.
#include <stddef.h>

static unsigned char arena[256];
static size_t used;

void *mem_malloc(size_t size) {
  if (used + size > sizeof arena)
    return NULL;
  used += size;
  return arena + used - size;
}
void mem_free(void *mem) {
  (void)mem;
  used = 0;
}

void frame_tick(void) { mem_free(mem_malloc(16)); }
