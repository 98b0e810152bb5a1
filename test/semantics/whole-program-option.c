/* A firmware image linked statically, the shape of cJSON in a program: the
 * library's API sets the hook its items allocate through
 * ('lib_init_hooks', as cJSON_InitHooks), and the program never calls it.
 * By default the run is taken as a library's (open-entry.c): code outside
 * may call 'lib_init_hooks' with a function of its own, so 'rt_step'
 * cannot be shown allocation-free, and the summary names the function
 * that keeps the run open and the option that closes it. With
 * 'WholeProgram: true' nothing outside calls in: 'global_hooks.allocate'
 * holds only the pool's function, and 'rt_step' is clean (oracle: 0).
 * The twin: the program itself sets an allocating hook (-DHEAP_HOOKS), and
 * the option hides none of its own stores.
 *
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
 * RUN:   --config="{CheckOptions: {Roots: 'rt_step'}}" %s -- 2>&1 \
 * RUN:   | FileCheck %s --check-prefix=DETECTED --implicit-check-not='{{warning|error}}:'
 * RUN: %expect-exit 0 %noalloc --checks='-*,noalloc-call' \
 * RUN:   --config="{CheckOptions: {Roots: 'rt_step', WholeProgram: true}}" \
 * RUN:   %s -- 2>&1 \
 * RUN:   | FileCheck %s --check-prefix=WHOLE --implicit-check-not='{{warning|error|WholeProgram}}'
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
 * RUN:   --config="{CheckOptions: {Roots: 'rt_step', noalloc-call.WholeProgram: true}}" \
 * RUN:   %s -- -DHEAP_HOOKS 2>&1 \
 * RUN:   | FileCheck %s --check-prefix=HEAP --implicit-check-not='{{cannot show|WholeProgram}}'
 * RUN: %expect-exit 2 %noalloc --checks='-*,noalloc-call' \
 * RUN:   --config="{CheckOptions: {WholeProgram: yes}}" %s -- 2>&1 \
 * RUN:   | FileCheck %s --check-prefix=BAD
 * RUN: %oracle %s --
 * RUN: %oracle %s -- -DHEAP_HOOKS
 *
 * BAD: invalid WholeProgram 'yes': expected 'auto', 'true' or 'false'
 */

#include <stddef.h>
#include <stdlib.h>

typedef void *(*allocate_fn)(size_t size);

static unsigned char pool[64];
static void *pool_allocate(size_t size) { return size <= sizeof pool ? pool : NULL; }

static struct {
  allocate_fn allocate;
} global_hooks = {pool_allocate};

void lib_init_hooks(allocate_fn allocate) { global_hooks.allocate = allocate; }

void *lib_item(size_t size) { return global_hooks.allocate(size); }
/* DETECTED: whole-program-option.c:[[@LINE-1]]:38: warning: cannot show that 'rt_step' is allocation-free: 'lib_item' calls through 'global_hooks.allocate', which client code outside the run may set [noalloc-call]
 * HEAP: whole-program-option.c:[[@LINE-2]]:38: warning: call through 'global_hooks.allocate' may allocate on the heap [noalloc-call]
 */

void *rt_step(void) { return lib_item(32); }
/* DETECTED: whole-program-option.c:[[@LINE-1]]:30: warning: cannot show that 'rt_step' is allocation-free: call to 'lib_item' reaches a call through a pointer whose targets noalloc cannot see [noalloc-call]
 * HEAP: whole-program-option.c:[[@LINE-2]]:30: warning: call to 'lib_item' may allocate on the heap [noalloc-call]
 * DETECTED: noalloc: 1 call that client code outside the run may send to code of its own could not be followed
 * DETECTED-NEXT: noalloc: the run defines 'main' but is taken as a library's: nothing in it calls 'lib_init_hooks' ({{.*}}whole-program-option.c:[[#@LINE-11]]), which has external linkage; 'WholeProgram: true' says that no code outside the run calls into it
 * DETECTED: noalloc: root 'rt_step' cannot be shown allocation-free: 'rt_step' -> 'lib_item' calls through 'global_hooks.allocate', which client code outside the run may set
 * WHOLE: noalloc: root 'rt_step' does not use the heap
 */

#ifdef HEAP_HOOKS
static void *heap_allocate(size_t size) { return malloc(size); }
/* HEAP: whole-program-option.c:[[@LINE-1]]:50: warning: call to 'malloc' may allocate on the heap [noalloc-call]
 * HEAP: noalloc: root 'rt_step' may allocate: 'rt_step' -> 'lib_item' -> 'heap_allocate' calls 'malloc'
 */
#endif

static void setup(void) {
#ifdef HEAP_HOOKS
  lib_init_hooks(heap_allocate);
#endif
}

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  setup();
#ifdef HEAP_HOOKS
  ORACLE_ALLOCATES("rt_step: the program's heap hook", free(rt_step()));
#else
  ORACLE_NO_HEAP("rt_step: the pool's hook", rt_step());
#endif
}
#else
int main(void) {
  setup();
  return rt_step() != NULL;
}
#endif
