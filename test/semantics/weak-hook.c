/* A library's weak default hook (a vendor HAL's '__weak' callbacks,
 * newlib's, CMSIS's): the linker keeps a strong definition over it, and
 * one outside the run is not in view. Before, the library analysed alone
 * (or one unit of a database whose other units the cache lacks) took the
 * weak body as what the call runs: 'lib_push' "does not use the heap",
 * and the program's strong 'on_overflow' mallocs (review10-10; oracle: 1
 * acquired). Now the call also reaches code noalloc cannot see. The
 * twins: the whole program, with the strong hook (allocates) or with the
 * default kept (clean); a call of a strong function of the library
 * ('lib_level') is answered from its body alone.
 *
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
 * RUN:   --config="{CheckOptions: {Roots: 'lib_push'}}" %s -- 2>&1 \
 * RUN:   | FileCheck %s --check-prefix=LIBRARY --implicit-check-not='{{warning|error}}:'
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
 * RUN:   --config="{CheckOptions: {Roots: 'lib_push'}}" \
 * RUN:   %s %S/Inputs/weak-hook-app.c -- 2>&1 \
 * RUN:   | FileCheck %s --check-prefix=REPLACED --implicit-check-not='cannot show'
 * RUN: %expect-exit 0 %noalloc --checks='-*,noalloc-call' \
 * RUN:   --config="{CheckOptions: {Roots: 'lib_push'}}" \
 * RUN:   %s %S/Inputs/weak-hook-app.c -- -DKEEP_DEFAULT 2>&1 \
 * RUN:   | FileCheck %s --check-prefix=DEFAULT --implicit-check-not='{{warning|error}}:'
 * RUN: %oracle %s -- %S/Inputs/weak-hook-app.c
 * RUN: %oracle %s -- %S/Inputs/weak-hook-app.c -DKEEP_DEFAULT
 */

__attribute__((weak)) void on_overflow(int n) { (void)n; }

static int level;

int lib_level(void) { return level; }

void lib_push(int v) {
  if (++level > 8)
    on_overflow(level + lib_level());
  (void)v;
}
/* LIBRARY: weak-hook.c:[[@LINE-3]]:5: warning: cannot show that 'lib_push' is allocation-free: 'lib_push' calls 'on_overflow', which is weak: code outside the run may replace it [noalloc-call]
 * REPLACED: weak-hook.c:[[@LINE-4]]:5: warning: call to 'on_overflow' may allocate on the heap [noalloc-call]
 * LIBRARY: noalloc: root 'lib_push' cannot be shown allocation-free: 'lib_push' calls 'on_overflow', which is weak: code outside the run may replace it
 * REPLACED: noalloc: root 'lib_push' may allocate: 'lib_push' -> 'on_overflow' calls 'malloc'
 * DEFAULT: noalloc: root 'lib_push' does not use the heap
 */

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  for (int i = 0; i < 8; ++i)
    lib_push(i);
#ifdef KEEP_DEFAULT
  ORACLE_NO_HEAP("lib_push: the library's default hook", lib_push(8));
#else
  ORACLE_ALLOCATES("lib_push: the program's strong hook", lib_push(8));
#endif
}
#endif
