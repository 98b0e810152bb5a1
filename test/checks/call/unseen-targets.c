/* A call through a function pointer that nothing known is stored into (a
 * parameter's field, as littlefs's and FreeRTOS's callbacks) reaches code
 * noalloc cannot see: the warning and its notes say so at the call, in the
 * tool and in the plugin alike, and every note has a place in JSON and
 * SARIF. Its twin, a pointer the program stores a function into, names
 * that function at the place it is stored.
 * RUN: rm -rf %t && mkdir -p %t
 * RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-call' %s -- \
 * RUN:   | FileCheck %s --check-prefix=SCOPED --implicit-check-not='{{warning|error|note}}:'
 * RUN: %expect-exit 0 %clang-tidy-noalloc -checks='-*,noalloc-call' %s -- \
 * RUN:   | FileCheck %s --check-prefix=SCOPED --implicit-check-not='{{warning|error|note}}:'
 * RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-call' \
 * RUN:   --config="{CheckOptions: {Policy: strict}}" %s -- \
 * RUN:   | FileCheck %s --check-prefix=STRICT
 * RUN: %expect-exit 0 %clang-tidy-noalloc -checks='-*,noalloc-call' \
 * RUN:   --config="{CheckOptions: {Policy: strict}}" %s -- \
 * RUN:   | FileCheck %s --check-prefix=STRICT
 * RUN: %noalloc --no-cache --explain=mount %s -- | FileCheck %s --check-prefix=EXPLAIN
 * RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-call' --format=json %s -- \
 * RUN:   | %python -c "import json,sys; fs=json.load(sys.stdin)['findings']; print(len(fs), 'findings;', 'notes without a place:', sum(not n['file'] or not n['line'] for f in fs for n in f['notes']))" \
 * RUN:   | FileCheck %s --check-prefix=PLACED
 * RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-call' --format=sarif --output=%t/report.sarif %s --
 * RUN: %python %S/../../cli/Inputs/sarif_flows.py places %t/report.sarif \
 * RUN:   | FileCheck %s --check-prefix=SARIF
 * PLACED: 5 findings; notes without a place: 0
 */
#include <stdlib.h>

#define ROOT __attribute__((annotate("noalloc")))

struct config {
  int (*read)(int block, int offset);
};

/* The positive: 'c->read' may hold any function of its type, and the
 * program takes the address of none. */
int mount(const struct config *c) { return c->read(0, 0); }

/* The negative twin: 'handler' holds what the program stores into it. */
static int *cache;
static int fill(int block) {
  cache = malloc(64);
  return block;
}
static int (*handler)(int) = fill;
int dispatch(void) { return handler(1); }

int ROOT tick(const struct config *c) {
  return mount(c) + dispatch();
}

/* SCOPED: unseen-targets.c:37:44: warning: cannot show that 'tick' is allocation-free: 'mount' calls through function pointer 'c->read' whose targets noalloc cannot see [noalloc-call]
 * SCOPED: unseen-targets.c:48:10: note: 'tick' must not allocate: it is a noalloc root
 * SCOPED: unseen-targets.c:49:10: note: 'tick' calls 'mount'
 * SCOPED: unseen-targets.c:42:11: warning: call to 'malloc' may allocate on the heap [noalloc-call]
 * SCOPED: unseen-targets.c:48:10: note: 'tick' must not allocate: it is a noalloc root
 * SCOPED: unseen-targets.c:49:21: note: 'tick' calls 'dispatch'
 * SCOPED: unseen-targets.c:46:29: note: 'dispatch' calls through 'handler', which may be 'fill'
 * SCOPED: unseen-targets.c:42:11: note: 'malloc' allocates on the heap
 * SCOPED: unseen-targets.c:46:29: warning: call through 'handler' may allocate on the heap [noalloc-call]
 * SCOPED: unseen-targets.c:48:10: note: 'tick' must not allocate: it is a noalloc root
 * SCOPED: unseen-targets.c:49:21: note: 'tick' calls 'dispatch'
 * SCOPED: unseen-targets.c:41:12: note: 'handler' may be 'fill', which is stored into it
 * SCOPED: unseen-targets.c:42:11: note: 'fill' calls 'malloc', which allocates on the heap
 * SCOPED: unseen-targets.c:49:10: warning: cannot show that 'tick' is allocation-free: call to 'mount' reaches a call through a pointer whose targets noalloc cannot see [noalloc-call]
 * SCOPED: unseen-targets.c:48:10: note: 'tick' must not allocate: it is a noalloc root
 * SCOPED: unseen-targets.c:37:44: note: 'mount' calls through function pointer 'c->read' whose targets noalloc cannot see
 * SCOPED: unseen-targets.c:49:21: warning: call to 'dispatch' may allocate on the heap [noalloc-call]
 * SCOPED: unseen-targets.c:48:10: note: 'tick' must not allocate: it is a noalloc root
 * SCOPED: unseen-targets.c:46:29: note: 'dispatch' calls through 'handler', which may be 'fill'
 * SCOPED: unseen-targets.c:42:11: note: 'fill' calls 'malloc', which allocates on the heap
 *
 * STRICT: unseen-targets.c:37:44: warning: call through 'c->read' may allocate on the heap [noalloc-call]
 * STRICT: unseen-targets.c:48:10: note: 'tick' must not allocate: it is a noalloc root
 * STRICT: unseen-targets.c:49:10: note: 'tick' calls 'mount'
 * STRICT: unseen-targets.c:37:44: note: 'mount' calls through function pointer 'c->read' whose targets noalloc cannot see (the strict policy counts it as allocating)
 * STRICT-NOT: an unknown function
 *
 * EXPLAIN: 'mount' may use the heap by 1 path:
 * EXPLAIN-NEXT: path 1:
 * EXPLAIN-NEXT: unseen-targets.c:37:44: 'mount' calls through function pointer 'c->read' whose targets noalloc cannot see
 *
 * SARIF-NOT: an unknown function
 * SARIF: 37:44 {{.*}} 'mount' calls through function pointer 'c->read' whose targets noalloc cannot see
 * SARIF-NOT: an unknown function
 */

/* The summary line names what it could not follow: here a pointer, not
 * code no file defines (as it said before); with both, each counted.
 * RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-call' %s -- 2>&1 >/dev/null \
 * RUN:   | FileCheck %s --check-prefix=SUMMARY
 * SUMMARY: noalloc: 1 call through a function pointer whose targets noalloc cannot see could not be followed
 * RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-call' %s -- -DUNDEFINED_TOO 2>&1 >/dev/null \
 * RUN:   | FileCheck %s --check-prefix=BOTH
 * BOTH: noalloc: 3 calls could not be followed: 1 into code no analysed file defines, 2 through function pointers whose targets noalloc cannot see
 */
#ifdef UNDEFINED_TOO
/* A function no analysed file defines, and a second unseen pointer call,
 * in a root's reach: the line counts the calls noalloc-unknown-call lists,
 * which with roots are those the roots reach. */
int vendor_poll(void);
int ROOT poll_all(const struct config *c) {
  return vendor_poll() + c->read(1, 1);
}
#endif
