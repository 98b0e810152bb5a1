/* The public header of the C library client-hooks.c: hooks its clients set
 * (cJSON's cJSON_Hooks and cJSON_InitHooks). */
#ifndef CLIENT_HOOKS_C_H
#define CLIENT_HOOKS_C_H
#include <stddef.h>

typedef struct lib_hooks {
  void *(*malloc_fn)(size_t size);
  void (*free_fn)(void *p);
} lib_hooks;

void lib_init_hooks(const lib_hooks *hooks);
void rt_release(void *p);
void rt_release_local(void *p);
#endif
