/* A vendor SDK's header reached through -isystem is a system header to
 * clang, but noalloc knows nothing of the library: a function it declares
 * that no analysed file defines is unseen, as through -I, not assumed
 * allocation-free by the lenient policy (review7-2: a root calling the
 * vendor's hal_uart_send was clean). The C library's unlisted functions
 * (getloadavg) are still assumed.
 * RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-call' \
 * RUN:   --config="{CheckOptions: {Roots: 'telemetry_tick;status_tick;load_tick'}}" \
 * RUN:   %s -- -isystem %S/Inputs/vendor-hal/include \
 * RUN:   | FileCheck %s --check-prefixes=CHECK,UNSEEN --implicit-check-not='{{warning|error}}:'
 * RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-call' \
 * RUN:   --config="{CheckOptions: {Roots: 'telemetry_tick;status_tick;load_tick'}}" \
 * RUN:   %s -- -I %S/Inputs/vendor-hal/include \
 * RUN:   | FileCheck %s --check-prefixes=CHECK,UNSEEN --implicit-check-not='{{warning|error}}:'
 * The project's knowledge file answers for hal_uart_ready: status_tick is
 * clean, through -isystem as through -I.
 * RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-call' \
 * RUN:   --knowledge=%S/Inputs/vendor-hal/hal.yaml \
 * RUN:   --config="{CheckOptions: {Roots: 'telemetry_tick;status_tick;load_tick'}}" \
 * RUN:   %s -- -isystem %S/Inputs/vendor-hal/include \
 * RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
 * RUN: %expect-exit 0 %noalloc --no-cache --checks='-*,noalloc-call' \
 * RUN:   --knowledge=%S/Inputs/vendor-hal/hal.yaml \
 * RUN:   --config="{CheckOptions: {Roots: 'status_tick;load_tick'}}" \
 * RUN:   %s -- -I %S/Inputs/vendor-hal/include | count 0
 * With the SDK's source in the run, its definition answers.
 * RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-call' \
 * RUN:   --config="{CheckOptions: {Roots: 'telemetry_tick;status_tick;load_tick'}}" \
 * RUN:   %s %S/Inputs/vendor-hal/hal.c -- -isystem %S/Inputs/vendor-hal/include \
 * RUN:   | FileCheck %s --check-prefix=DEFINED --implicit-check-not='{{warning|error}}:'
 * RUN: %oracle %s -- -I %S/Inputs/vendor-hal/include %S/Inputs/vendor-hal/hal.c
 */
#include <hal.h>
#include <stdlib.h>

int telemetry_tick(void) { return hal_uart_send("ok", 2); }
// CHECK: vendor-isystem.c:[[@LINE-1]]:35: warning: cannot show that 'telemetry_tick' is allocation-free: 'hal_uart_send' is defined in no analysed file [noalloc-call]
// DEFINED: hal.c:5:13: warning: call to 'malloc' may allocate on the heap [noalloc-call]
// DEFINED: vendor-isystem.c:[[@LINE-3]]:35: warning: call to 'hal_uart_send' may allocate on the heap [noalloc-call]
// DEFINED: hal.c:5:13: note: 'hal_uart_send' calls 'malloc', which allocates on the heap

int status_tick(void) { return hal_uart_ready(); }
// UNSEEN: vendor-isystem.c:[[@LINE-1]]:32: warning: cannot show that 'status_tick' is allocation-free: 'hal_uart_ready' is defined in no analysed file [noalloc-call]

int load_tick(void) {
  double Load[1];
  return getloadavg(Load, 1);
}

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  ORACLE_ALLOCATES("telemetry_tick", telemetry_tick());
  ORACLE_NO_HEAP("status_tick", status_tick());
}
#endif
