/* A bare NOLINT, or NOLINT(*), hides the warnings of its line, as
 * clang-tidy reads it, but accepts nothing: vendored code carries them for
 * other tools, and the callers of its malloc stay reported (review6 #2).
 * The twin: NOLINT naming noalloc's check, or a glob of noalloc's checks,
 * accepts the site, and its caller is clean.
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call,noalloc-c-allocation' \
 * RUN:   --config="{CheckOptions: {Roots: 'onOverrun;onOverrunStar;onOverrunBlock;onOverrunNamed;onOverrunGlob'}}" %s -- \
 * RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call,noalloc-c-allocation' --format=json %s -- \
 * RUN:   | FileCheck %s --check-prefix=JSON
 * RUN: %oracle %s --
 */
#include <stdlib.h>
#include <string.h>

static char *line;

void format(const char *msg) {
  line = (char *)malloc(strlen(msg) + 2); // NOLINT
}
void formatStar(const char *msg) {
  line = (char *)malloc(strlen(msg) + 2); // NOLINT(*)
}
void formatBlock(const char *msg) {
  // NOLINTBEGIN
  line = (char *)malloc(strlen(msg) + 2);
  // NOLINTEND
}
void formatNamed(const char *msg) {
  line = (char *)malloc(strlen(msg) + 2); // NOLINT(noalloc-c-allocation): start-up only
}
void formatGlob(const char *msg) {
  line = (char *)malloc(strlen(msg) + 2); // NOLINT(noalloc-*): start-up only
}

void onOverrun(void) {
  // CHECK: suppression-bare.c:[[@LINE+1]]:3: warning: call to 'format' may allocate on the heap [noalloc-call]
  format("overrun");
}
void onOverrunStar(void) {
  // CHECK: suppression-bare.c:[[@LINE+1]]:3: warning: call to 'formatStar' may allocate on the heap [noalloc-call]
  formatStar("overrun");
}
void onOverrunBlock(void) {
  // CHECK: suppression-bare.c:[[@LINE+1]]:3: warning: call to 'formatBlock' may allocate on the heap [noalloc-call]
  formatBlock("overrun");
}
void onOverrunNamed(void) { formatNamed("overrun"); }
void onOverrunGlob(void) { formatGlob("overrun"); }

/* JSON: "name": "format",
 * JSON: "verdict": "allocates"
 * JSON: "name": "formatNamed",
 * JSON: "verdict": "none"
 * JSON: "name": "onOverrun",
 * JSON: "verdict": "allocates"
 * JSON: "name": "onOverrunNamed",
 * JSON: "verdict": "none"
 */

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  ORACLE_ALLOCATES("a bare NOLINT", (onOverrun(), free(line)));
  ORACLE_ALLOCATES("a NOLINT naming noalloc (accepted, not allocation-free)",
                   (onOverrunNamed(), free(line)));
}
#endif
