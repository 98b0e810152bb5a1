/* A function defined by __attribute__((alias("target"))), the startup
 * code's idiom ("void TIM2_IRQHandler(void) __attribute__((weak,
 * alias("Default_Handler")))") and glibc's: the unit defines it, its code
 * a call of the target. Before, it was "defined in no analysed file"
 * (review7-11) and the path to tick_impl's malloc was not shown. The
 * twins: an alias of a clean function is clean; a weak alias gives way to
 * a strong definition in another unit (the application's on_event).
 * RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-call' \
 * RUN:   --config="{CheckOptions: {Roots: 'isr;idle_isr;event_isr'}}" \
 * RUN:   %s %S/Inputs/alias-attribute-user.c -- \
 * RUN:   2>&1 | FileCheck %s --check-prefixes=CHECK,WEAK --implicit-check-not='{{warning|error}}:'
 * RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-call' \
 * RUN:   --config="{CheckOptions: {Roots: 'isr;idle_isr;event_isr'}}" \
 * RUN:   %s %S/Inputs/alias-attribute-user.c %S/Inputs/alias-attribute-strong.c -- \
 * RUN:   2>&1 | FileCheck %s --check-prefixes=CHECK,STRONG --implicit-check-not='{{warning|error}}:'
 * RUN: %oracle %s -- %S/Inputs/alias-attribute-user.c
 * RUN: %oracle %s -- -DWITH_STRONG %S/Inputs/alias-attribute-user.c %S/Inputs/alias-attribute-strong.c
 */
#include <stdlib.h>

void tick_impl(void) { free(malloc(8)); }
void on_tick(void) __attribute__((alias("tick_impl")));

static int ticks;
void idle_impl(void) { ++ticks; }
void on_idle(void) __attribute__((alias("idle_impl")));

void default_handler(void) { free(malloc(16)); }
void on_event(void) __attribute__((weak, alias("default_handler")));

// CHECK: alias-attribute-user.c:6:18: warning: call to 'on_tick' may allocate on the heap [noalloc-call]
// CHECK: alias-attribute-user.c:6:6: note: 'isr' must not allocate: it is a noalloc root
// CHECK: alias-attribute.c:22:35: note: 'on_tick' calls 'tick_impl'
// CHECK: alias-attribute.c:21:29: note: 'tick_impl' calls 'malloc', which allocates on the heap
// WEAK: alias-attribute-user.c:8:24: warning: call to 'on_event' may allocate on the heap [noalloc-call]
// WEAK: alias-attribute-user.c:8:6: note: 'event_isr' must not allocate: it is a noalloc root
// WEAK: alias-attribute.c:29:42: note: 'on_event' calls 'default_handler'
// WEAK: alias-attribute.c:28:35: note: 'default_handler' calls 'malloc', which allocates on the heap
// CHECK: alias-attribute.c:21:29: warning: call to 'malloc' may allocate on the heap [noalloc-call]
// CHECK: alias-attribute.c:22:35: warning: call to 'tick_impl' may allocate on the heap [noalloc-call]
// WEAK: alias-attribute.c:28:35: warning: call to 'malloc' may allocate on the heap [noalloc-call]
// WEAK: alias-attribute.c:29:42: warning: call to 'default_handler' may allocate on the heap [noalloc-call]
// CHECK: noalloc: root 'isr' may allocate: 'isr' -> 'on_tick' -> 'tick_impl' calls 'malloc'
// WEAK: noalloc: root 'event_isr' may allocate: 'event_isr' -> 'on_event' -> 'default_handler' calls 'malloc'
// CHECK: noalloc: root 'idle_isr' does not use the heap
// STRONG: noalloc: root 'event_isr' does not use the heap

#ifdef NOALLOC_ORACLE
#include "oracle.h"
void isr(void);
void idle_isr(void);
void event_isr(void);
ORACLE_MAIN {
  ORACLE_ALLOCATES("isr", isr());
  ORACLE_NO_HEAP("idle_isr", idle_isr());
#ifdef WITH_STRONG
  ORACLE_NO_HEAP("event_isr", event_isr());
#else
  ORACLE_ALLOCATES("event_isr", event_isr());
#endif
}
#endif
