// A look-alike of RT-Thread's include/rtthread.h: its system heap.
#ifndef LOOKALIKE_RTTHREAD_H
#define LOOKALIKE_RTTHREAD_H
#include <stddef.h>
void *rt_malloc(size_t size);
void rt_free(void *ptr);
#endif
