/* A body only for inlining is not all a call may run: GNU89's 'extern
 * inline' (gnu_inline) and C99's 'inline' without 'extern' give the
 * compiler a body to inline, and a call it does not inline (every call at
 * -O0) runs the function's external definition, which another unit
 * provides (Inputs/inline-only-external.c). Before, a run of this file
 * alone answered from the inline bodies: 'use_halve' and 'use_third' "do
 * not use the heap" (the oracle: their external definitions allocate), and
 * a run with the external definitions said "'halve' is defined in 2 places
 * ... analyse one program per run", wrong advice for one program
 * (review9-8).
 *
 * Alone, each inline-only function is its body and code the run cannot
 * see, "cannot be shown" whether its external definition allocates
 * ('halve', 'third') or not ('twice', 'quarter') (ALONE). With the external
 * definitions, it is its body and that definition: 'use_halve' and
 * 'use_third' allocate, through the external definition's malloc, and
 * 'use_twice' and 'use_quarter' do not use the heap; no "defined in 2
 * places" (WHOLE). GNU C lets this unit define 'halve' again after the
 * header's 'extern inline' body: that definition is the external one, and
 * 'use_halve' allocates through it (before, the header's body answered).
 * The twin of internal linkage in every run: 'fifth' is its 'static
 * inline' body.
 *
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
 * RUN:   --config="{CheckOptions: {Roots: 'use_*'}}" %s -- -std=c11 2>&1 \
 * RUN:   | FileCheck %s --check-prefixes=ALONE,UNSEEN --implicit-check-not='{{warning|error}}:'
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
 * RUN:   --config="{CheckOptions: {Roots: 'use_*'}}" \
 * RUN:   %s %S/Inputs/inline-only-external.c -- -std=c11 2>&1 \
 * RUN:   | FileCheck %s --check-prefix=WHOLE --implicit-check-not='{{warning|error}}:'
 * RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
 * RUN:   --config="{CheckOptions: {Roots: 'use_*'}}" %s -- -std=c11 -DSAME_UNIT 2>&1 \
 * RUN:   | FileCheck %s --check-prefixes=SAME,UNSEEN --implicit-check-not='{{warning|error}}:'
 * RUN: %oracle %s -- -std=c11 %S/Inputs/inline-only-external.c
 * RUN: %oracle %s -- -std=c11 -DSAME_UNIT %S/Inputs/inline-only-external.c
 */
#include "Inputs/inline-only.h"

int use_halve(int x) { return halve(x); }
int use_twice(int x) { return twice(x); }
int use_third(int x) { return third(x); }
int use_quarter(int x) { return quarter(x); }
int use_fifth(int x) { return fifth(x); }

#ifdef SAME_UNIT
#include <stdlib.h>
int halve(int x) {
  int *p = malloc(sizeof *p);
  *p = x / 2;
  x = *p;
  free(p);
  return x;
}
#endif

/* ALONE: inline-only.c:39:31: warning: cannot show that 'use_halve' is allocation-free: 'halve' has only an inline definition in this run: a call may go to its external definition, which is in no analysed file [noalloc-call]
 * SAME: inline-only.c:39:31: warning: call to 'halve' may allocate on the heap [noalloc-call]
 * UNSEEN: inline-only.c:40:31: warning: cannot show that 'use_twice' is allocation-free: 'twice' has only an inline definition in this run: a call may go to its external definition, which is in no analysed file [noalloc-call]
 * UNSEEN: inline-only.c:41:31: warning: cannot show that 'use_third' is allocation-free: 'third' has only an inline definition in this run: a call may go to its external definition, which is in no analysed file [noalloc-call]
 * UNSEEN: inline-only.c:42:33: warning: cannot show that 'use_quarter' is allocation-free: 'quarter' has only an inline definition in this run: a call may go to its external definition, which is in no analysed file [noalloc-call]
 * SAME: inline-only.c:48:12: warning: call to 'malloc' may allocate on the heap [noalloc-call]
 * ALONE: noalloc: 4 findings in 1 file
 * SAME: noalloc: 5 findings in 1 file
 * ALONE: root 'use_halve' cannot be shown allocation-free: 'use_halve' calls 'halve', which has only an inline definition in this run
 * SAME: root 'use_halve' may allocate: 'use_halve' -> 'halve' calls 'malloc', which allocates on the heap
 * UNSEEN: root 'use_twice' cannot be shown allocation-free: 'use_twice' calls 'twice', which has only an inline definition in this run
 * UNSEEN: root 'use_third' cannot be shown allocation-free: 'use_third' calls 'third', which has only an inline definition in this run
 * UNSEEN: root 'use_quarter' cannot be shown allocation-free: 'use_quarter' calls 'quarter', which has only an inline definition in this run
 * UNSEEN: root 'use_fifth' does not use the heap
 *
 * WHOLE-DAG: inline-only-external.c:7:12: warning: call to 'malloc' may allocate on the heap [noalloc-call]
 * WHOLE-DAG: inline-only-external.c:18:12: warning: call to 'malloc' may allocate on the heap [noalloc-call]
 * WHOLE-DAG: inline-only.c:39:31: warning: call to 'halve' may allocate on the heap [noalloc-call]
 * WHOLE-DAG: inline-only.c:41:31: warning: call to 'third' may allocate on the heap [noalloc-call]
 * WHOLE: noalloc: 4 findings in 2 files
 * WHOLE-NEXT: root 'use_halve' may allocate: 'use_halve' -> 'halve' calls 'malloc', which allocates on the heap
 * WHOLE-NEXT: root 'use_third' may allocate: 'use_third' -> 'third' calls 'malloc', which allocates on the heap
 * WHOLE-NEXT: root 'use_twice' does not use the heap
 * WHOLE-NEXT: root 'use_quarter' does not use the heap
 * WHOLE-NEXT: root 'use_fifth' does not use the heap
 */

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  ORACLE_ALLOCATES("use_halve: halve's external definition", use_halve(4));
  ORACLE_NO_HEAP("use_twice: twice's external definition", use_twice(4));
  ORACLE_ALLOCATES("use_third: third's external definition", use_third(9));
  ORACLE_NO_HEAP("use_quarter: quarter's external definition", use_quarter(8));
  ORACLE_NO_HEAP("use_fifth: its static inline body", use_fifth(10));
}
#endif
