// A look-alike of lwIP's src/include/lwip/memp.h: pools of fixed-size
// blocks, one size per pool.
#ifndef LOOKALIKE_LWIP_MEMP_H
#define LOOKALIKE_LWIP_MEMP_H
typedef enum { MEMP_UDP_PCB, MEMP_PBUF, MEMP_MAX } memp_t;
void *memp_malloc(memp_t type);
void memp_free(memp_t type, void *mem);
#endif
