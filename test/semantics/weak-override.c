/* A vendor HAL's weak default and the application's strong override (the
 * STM32 HAL's HAL_*Callback, CMSIS's SystemInit, newlib's syscalls): the
 * linker keeps the strong definition, so the link does too. With the
 * application's unit, 'inc_tick' reaches the application's counting
 * 'tick_hook', not the HAL's allocating default, and 'idle' reaches the
 * application's allocating 'idle_hook', not the HAL's empty one; nothing
 * is "defined in 2 places". Before, each was taken as any of its
 * definitions and 'inc_tick' was reported (review2-11). The twins: the HAL
 * alone, where the weak defaults are what the HAL's own code shows, and
 * an application outside the run may replace them (weak-hook.c): 'idle'
 * cannot be shown allocation-free (with the application, it allocates).
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
 * RUN:   --config="{CheckOptions: {Roots: 'inc_tick;idle'}}" %s %S/Inputs/weak-override-app.c -- -std=c11 \
 * RUN:   2>&1 | FileCheck %s --check-prefix=PROGRAM --implicit-check-not='{{warning|error}}:'
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
 * RUN:   --config="{CheckOptions: {Roots: 'inc_tick;idle'}}" %s -- -std=c11 \
 * RUN:   2>&1 | FileCheck %s --check-prefix=HAL --implicit-check-not='{{warning|error}}:'
 * RUN: %oracle %s -- -std=c11 -DWITH_APP %S/Inputs/weak-override-app.c
 * RUN: %oracle %s -- -std=c11
 */
#include <stdlib.h>

static void *scratch;
__attribute__((weak)) void tick_hook(void) {
  if (!scratch)
    scratch = malloc(64);
}
void inc_tick(void) { tick_hook(); }

__attribute__((weak)) void idle_hook(void) {}
void idle(void) { idle_hook(); }

/* PROGRAM-DAG: weak-override-app.c:11:12: warning: call to 'malloc' may allocate on the heap [noalloc-call]
 * PROGRAM-DAG: weak-override.c:31:19: warning: call to 'idle_hook' may allocate on the heap [noalloc-call]
 * PROGRAM: noalloc: 2 findings in 2 files
 *
 * HAL-DAG: weak-override.c:26:15: warning: call to 'malloc' may allocate on the heap [noalloc-call]
 * HAL-DAG: weak-override.c:28:23: warning: call to 'tick_hook' may allocate on the heap [noalloc-call]
 * HAL-DAG: weak-override.c:31:19: warning: cannot show that 'idle' is allocation-free: 'idle' calls 'idle_hook', which is weak: code outside the run may replace it [noalloc-call]
 * HAL: noalloc: 3 findings in 1 file
 */

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
#ifdef WITH_APP
  ORACLE_NO_HEAP("inc_tick with the application's tick_hook", inc_tick());
  ORACLE_ALLOCATES("idle with the application's idle_hook", idle());
#else
  ORACLE_ALLOCATES("inc_tick with the HAL's tick_hook", inc_tick());
  ORACLE_NO_HEAP("idle with the HAL's idle_hook", idle());
#endif
}
#endif
