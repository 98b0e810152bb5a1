// A look-alike of lwIP's src/include/lwip/mem.h: its heap (MEM_LIBC_MALLOC
// 0, the default).
#ifndef LOOKALIKE_LWIP_MEM_H
#define LOOKALIKE_LWIP_MEM_H
#include <stddef.h>
typedef size_t mem_size_t;
void mem_init(void);
void *mem_trim(void *mem, mem_size_t size);
void *mem_malloc(mem_size_t size);
void *mem_calloc(mem_size_t count, mem_size_t size);
void mem_free(void *mem);
#endif
