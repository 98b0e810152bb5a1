/* newlocale and setlocale take a locale's name. A string literal there
 * decides the call at compile time (the knowledge base's string-argument):
 * newlocale(mask, "C", 0) returns glibc's static C locale (0 acquired),
 * "POSIX" and "C.UTF-8" build a locale object (1 and 186 acquired), so a
 * literal other than "C" allocates under every policy; setlocale(LC_ALL,
 * "C.UTF-8") loads the locale (49 acquired after another named locale, 198
 * the first time), while "C" and "POSIX" stay may-allocate (back to "C"
 * from a named locale frees its names). "" reads the environment and a
 * name that is not a literal is not read: both stay may-allocate, accepted
 * by default, counted by the strict policy.
 * Before, every call was may-allocate: the default policy accepted the
 * named locale and answered 'named' "may release heap memory" for its
 * freelocale (review8-6).
 * RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-c-allocation,noalloc-call' \
 * RUN:   --config="{CheckOptions: {Roots: 'nl_*;sl_*'}}" %s -- 2>&1 \
 * RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
 * RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-call' \
 * RUN:   --config="{CheckOptions: {Roots: 'nl_*;sl_*', Policy: strict}}" %s -- 2>&1 \
 * RUN:   | FileCheck %s --check-prefix=STRICT
 * RUN: %oracle %s --
 */
#define _GNU_SOURCE
#include <locale.h>

int nl_named(void) {
  locale_t L = newlocale(LC_ALL_MASK, "C.UTF-8", 0);
  // CHECK: locale-names.c:[[@LINE-1]]:16: warning: call to 'newlocale' with the string "C.UTF-8" allocates on the heap [noalloc-c-allocation]
  if (L)
    freelocale(L);
  // CHECK: locale-names.c:[[@LINE-1]]:5: warning: call to 'freelocale' releases heap memory [noalloc-c-allocation]
  return L != 0;
}
int nl_posix(void) { return newlocale(LC_ALL_MASK, "POSIX", 0) != 0; }
// CHECK: locale-names.c:[[@LINE-1]]:29: warning: call to 'newlocale' with the string "POSIX" allocates on the heap [noalloc-c-allocation]
int nl_c(void) { return newlocale(LC_ALL_MASK, "C", 0) != 0; }
int nl_environment(void) { return newlocale(LC_ALL_MASK, "", 0) != 0; }
int nl_variable(const char *Name) { return newlocale(LC_ALL_MASK, Name, 0) != 0; }

int sl_c(void) { return setlocale(LC_ALL, "C") != 0; }
int sl_named(void) { return setlocale(LC_ALL, "C.UTF-8") != 0; }
// CHECK: locale-names.c:[[@LINE-1]]:29: warning: call to 'setlocale' with the string "C.UTF-8" allocates on the heap [noalloc-c-allocation]

// CHECK: noalloc: root 'nl_named' may allocate: 'nl_named' calls 'newlocale', which may allocate on the heap
// CHECK: noalloc: root 'nl_posix' may allocate: 'nl_posix' calls 'newlocale', which may allocate on the heap
// CHECK: noalloc: root 'sl_named' may allocate: 'sl_named' calls 'setlocale', which may allocate on the heap
// CHECK: noalloc: root 'nl_environment' may use the heap only by paths the run's policy accepts, among them 1 library call that may allocate on some inputs ('newlocale'
// CHECK: noalloc: root 'nl_variable' may use the heap only by paths the run's policy accepts, among them 1 library call that may allocate on some inputs ('newlocale'
// CHECK: noalloc: root 'sl_c' may use the heap only by paths the run's policy accepts, among them 1 library call that may allocate on some inputs ('setlocale'
// CHECK: noalloc: root 'nl_c' does not use the heap
// STRICT: noalloc: root 'nl_environment' may allocate: 'nl_environment' calls 'newlocale', which may allocate on the heap (except for "C"
// STRICT: noalloc: root 'nl_variable' may allocate: 'nl_variable' calls 'newlocale', which may allocate on the heap (except for "C"
// STRICT: noalloc: root 'sl_c' may allocate: 'sl_c' calls 'setlocale', which may allocate on the heap (when switching
// STRICT: noalloc: root 'nl_c' does not use the heap

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  ORACLE_NO_HEAP("setlocale C", sl_c());
  ORACLE_ALLOCATES("setlocale C.UTF-8", sl_named());
  ORACLE_ALLOCATES("newlocale C.UTF-8", nl_named());
  ORACLE_ALLOCATES("newlocale POSIX", nl_posix());
  ORACLE_NO_HEAP("newlocale C", nl_c());
  ORACLE_NO_HEAP("newlocale of a variable holding C", nl_variable("C"));
}
#endif
