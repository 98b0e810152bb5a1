/* A library function that calls the function its caller passes, called by
 * a client: the client's function runs. Analysed alone, before:
 * 'rt_tick(cb)', which hands its caller's function to 'lib_each', "does not
 * use the heap": the call through 'cb' reached the functions of the run
 * whose address is taken ('quiet', through 'rt_local'), though a client that passes an
 * allocating visitor makes it allocate (the oracle's client). Now it
 * cannot be shown allocation-free, as a field a client may set cannot
 * (client-hooks.c). The twins: a static function of the file, which no
 * client can call ('each_local' through 'rt_local'), is answered from its
 * callers, clean; the whole program, with a client whose visitor allocates
 * (may allocate) or does not (clean).
 *
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
 * RUN:   --config="{CheckOptions: {Roots: 'rt_*'}}" %s -- 2>&1 \
 * RUN:   | FileCheck %s --check-prefix=LIBRARY --implicit-check-not='{{warning|error}}:'
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
 * RUN:   --config="{CheckOptions: {Roots: 'rt_*'}}" \
 * RUN:   %s %S/Inputs/client-callbacks-client.c -- 2>&1 \
 * RUN:   | FileCheck %s --check-prefix=LOUD --implicit-check-not='cannot show'
 * RUN: %noalloc --checks='-*,noalloc-call' \
 * RUN:   --config="{CheckOptions: {Roots: 'rt_*'}}" \
 * RUN:   %s %S/Inputs/client-callbacks-client.c -- -DQUIET 2>&1 \
 * RUN:   | FileCheck %s --check-prefix=QUIET --implicit-check-not='{{warning|error}}:'
 * RUN: %oracle %s --
 * RUN: %oracle %s -- -DQUIET
 */

#include "Inputs/client-callbacks.h"

static int items[4];
static void quiet(int x) { items[0] = x; }

void lib_each(visit_fn cb) {
  for (int i = 0; i < 4; ++i)
    cb(items[i]);
}

void rt_tick(visit_fn cb) { lib_each(cb); }
/* LIBRARY: client-callbacks.c:[[@LINE-1]]:38: warning: cannot show that 'rt_tick' is allocation-free: 'rt_tick' calls through 'cb', which client code outside the run may pass [noalloc-call]
 * LOUD: client-callbacks.c:[[@LINE-2]]:38: warning: call through 'cb' may allocate on the heap [noalloc-call]
 * LOUD: client-callbacks-client.c:{{[0-9]+}}:13: note: 'cb' may be 'client_visit', whose address is taken
 */

static void each_local(visit_fn cb) {
  for (int i = 0; i < 4; ++i)
    cb(items[i]);
}
void rt_local(void) { each_local(quiet); }

/* LIBRARY: noalloc: root 'rt_tick' cannot be shown allocation-free: 'rt_tick' calls through 'cb', which client code outside the run may pass
 * LIBRARY: noalloc: root 'rt_local' does not use the heap
 * LOUD: noalloc: root 'rt_tick' may allocate: 'rt_tick' -> 'client_visit' calls 'malloc'
 * LOUD: noalloc: root 'rt_local' does not use the heap
 * QUIET: noalloc: root 'rt_tick' does not use the heap
 * QUIET: noalloc: root 'rt_local' does not use the heap
 */

#ifdef NOALLOC_ORACLE
#include "oracle.h"
#include "Inputs/client-callbacks-client.c"
ORACLE_MAIN {
  ORACLE_NO_HEAP("rt_tick: the library's own visitor", rt_tick(quiet));
  ORACLE_NO_HEAP("rt_local", rt_local());
#ifdef QUIET
  ORACLE_NO_HEAP("rt_tick: a quiet client's visitor", rt_tick(client_visit));
#else
  ORACLE_ALLOCATES("rt_tick: a client's visitor", rt_tick(client_visit));
#endif
}
#endif
