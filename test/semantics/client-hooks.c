/* client-hooks.cpp in C, the shape of cJSON: the library copies the
 * function a client stores into a record of its header ('lib_hooks', set
 * through 'lib_init_hooks' as cJSON_InitHooks does) into a static record of
 * its own ('global_hooks.free_fn = hooks->free_fn'), and frees through it.
 * Analysed alone, before: 'rt_release' "may release heap memory" (it
 * reaches 'free' only); a client's free function that allocates makes it
 * allocate (the oracle's client). Now it cannot be shown allocation-free.
 * The twins: the whole program, with a client whose function allocates
 * (may allocate) or does not (may release only); a record this file defines,
 * which no client can name ('rt_release_local'), unchanged.
 *
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
 * RUN:   --config="{CheckOptions: {Roots: 'rt_*'}}" %s -- 2>&1 \
 * RUN:   | FileCheck %s --check-prefix=LIBRARY --implicit-check-not='{{warning|error}}:'
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
 * RUN:   --config="{CheckOptions: {Roots: 'rt_*'}}" \
 * RUN:   %s %S/Inputs/client-hooks-c-client.c -- 2>&1 \
 * RUN:   | FileCheck %s --check-prefixes=CLOSED,LOUD --implicit-check-not='cannot show'
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
 * RUN:   --config="{CheckOptions: {Roots: 'rt_*'}}" \
 * RUN:   %s %S/Inputs/client-hooks-c-client.c -- -DQUIET 2>&1 \
 * RUN:   | FileCheck %s --check-prefixes=CLOSED,QUIET --implicit-check-not='{{error|cannot show|may allocate}}'
 * RUN: %oracle %s --
 * RUN: %oracle %s -- -DQUIET
 */

#include "Inputs/client-hooks-c.h"
#include <stdlib.h>

typedef struct internal_hooks {
  void *(*allocate)(size_t size);
  void (*deallocate)(void *p);
} internal_hooks;

static internal_hooks global_hooks = {malloc, free};

void lib_init_hooks(const lib_hooks *hooks) {
  global_hooks.deallocate = free;
  if (hooks->free_fn != NULL)
    global_hooks.deallocate = hooks->free_fn;
}

void rt_release(void *p) { global_hooks.deallocate(p); }
/* LIBRARY: client-hooks.c:[[@LINE-1]]:28: warning: cannot show that 'rt_release' is allocation-free: 'rt_release' calls through 'global_hooks.deallocate', which client code outside the run may set [noalloc-call]
 * LOUD: client-hooks.c:[[@LINE-2]]:28: warning: call through 'global_hooks.deallocate' may allocate on the heap [noalloc-call]
 * LOUD: client-hooks-c-client.c:{{[0-9]+}}:13: note: 'global_hooks.deallocate' may be 'client_free', whose address is taken
 * QUIET: client-hooks.c:[[@LINE-4]]:28: warning: call through 'global_hooks.deallocate' may release heap memory [noalloc-call]
 */

static void local_free(void *p, int how) {
  free(p);
  (void)how;
}
/* CLOSED: client-hooks.c:[[@LINE-3]]:3: warning: call to 'free' may release heap memory [noalloc-call]
 * LIBRARY: client-hooks.c:[[@LINE-4]]:3: warning: call to 'free' may release heap memory [noalloc-call]
 */
struct local_hooks {
  void (*release)(void *p, int how);
};
struct local_hooks local_hooks = {local_free};

void rt_release_local(void *p) { local_hooks.release(p, 0); }
/* LIBRARY: client-hooks.c:[[@LINE-1]]:34: warning: call through 'local_hooks.release' may release heap memory [noalloc-call]
 * CLOSED: client-hooks.c:[[@LINE-2]]:34: warning: call through 'local_hooks.release' may release heap memory [noalloc-call]
 *
 * LIBRARY: noalloc: root 'rt_release' cannot be shown allocation-free: 'rt_release' calls through 'global_hooks.deallocate', which client code outside the run may set
 * LIBRARY: noalloc: root 'rt_release_local' may release heap memory
 * LOUD: noalloc: root 'rt_release' may allocate: 'rt_release' -> 'client_free' calls 'malloc'
 * QUIET: noalloc: root 'rt_release' may release heap memory
 * CLOSED: noalloc: root 'rt_release_local' may release heap memory
 */

#ifdef NOALLOC_ORACLE
#include "oracle.h"
#include "Inputs/client-hooks-c-client.c"
ORACLE_MAIN {
  void *p = malloc(8);
  ORACLE_RELEASES("rt_release: the library's free", rt_release(p));
  client_setup();
  p = malloc(8);
#ifdef QUIET
  ORACLE_RELEASES("rt_release: a quiet client's free", rt_release(p));
#else
  ORACLE_ALLOCATES("rt_release: a client's free", rt_release(p));
#endif
  p = malloc(8);
  ORACLE_RELEASES("rt_release_local", rt_release_local(p));
}
#endif
