// The summary line counts the calls noalloc-unknown-call lists, the same
// ones whether the check is on or off: one per place (a template's two
// instantiations are one call), none accepted with NOLINT, none outside a
// root's reach, none in a header the header filter hides; an indirect
// call is counted when one of its targets is unseen.
// RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-unknown-call' --exclude-header-filter='unfollowed\.h' %s -- -I %S/Inputs 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %noalloc --no-cache --checks='-*,noalloc-new-delete' --exclude-header-filter='unfollowed\.h' %s -- -I %S/Inputs 2>&1 \
// RUN:   | FileCheck %s --check-prefix=OFF --implicit-check-not='{{warning|error|note}}:'
// OFF: noalloc: 3 calls into code no analysed file defines could not be followed
// OFF-NEXT: noalloc: 0 findings in 1 file

// With the header shown (the default), its call is listed and counted too.
// RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-unknown-call' %s -- -I %S/Inputs 2>&1 \
// RUN:   | FileCheck %s --check-prefix=HEADER
// HEADER: unfollowed.h:4:27: warning: call to 'hidden_ext' has no body
// HEADER: noalloc: 4 calls into code no analysed file defines could not be followed
// HEADER-NEXT: noalloc: 4 findings in 2 files
// RUN: %noalloc --no-cache --checks='-*,noalloc-new-delete' %s -- -I %S/Inputs 2>&1 \
// RUN:   | FileCheck %s --check-prefix=HEADEROFF --implicit-check-not='{{warning|error|note}}:'
// HEADEROFF: noalloc: 4 calls into code no analysed file defines could not be followed

// With a root, only the calls in its reach, on and off.
// RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-unknown-call' --config="{CheckOptions: {Roots: 'rooted'}}" %s -- -I %S/Inputs 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ROOT --implicit-check-not='{{warning|error|note}}:'
// ROOT: summary.cpp:[[@LINE+26]]:3: warning: call to 'ext' has no body
// ROOT: noalloc: 1 call into code no analysed file defines could not be followed
// ROOT-NEXT: noalloc: 1 finding in 1 file
// RUN: %noalloc --no-cache --checks='-*,noalloc-new-delete' --config="{CheckOptions: {Roots: 'rooted'}}" %s -- -I %S/Inputs 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ROOTOFF --implicit-check-not='{{warning|error|note}}:'
// ROOTOFF: noalloc: 1 call into code no analysed file defines could not be followed

// Every call followed: no line.
// RUN: %noalloc --no-cache --checks='-*,noalloc-unknown-call' %s -- -I %S/Inputs -DONLY_FOLLOWED 2>&1 \
// RUN:   | FileCheck %s --check-prefix=NONE --implicit-check-not='{{warning|error|note}}:' --implicit-check-not='could not be followed'
// NONE: noalloc: 0 findings in 1 file

int local(int x) { return x; }
int twice(int x) { return 2 * x; }
int (*hook)(int);

#ifndef ONLY_FOLLOWED
#include "unfollowed.h"
void ext(int);
int ext2(int);
void set_hook(bool c) { hook = c ? &ext2 : &local; }

template <class T> void each(T t) { ext(int(t)); }
// CHECK: summary.cpp:[[@LINE-1]]:37: warning: call to 'ext' has no body or knowledge-base entry; noalloc cannot tell whether it allocates [noalloc-unknown-call]

void rooted() {
  ext(1);
  // NOLINTNEXTLINE(noalloc-call): accepted, neither listed nor counted
  ext(2);
}
// CHECK: summary.cpp:[[@LINE-4]]:3: warning: call to 'ext' has no body

void unrooted() {
  each(1);
  each(2.0);
  in_header();
}

int through_hook() { return hook(1); }
// CHECK: summary.cpp:[[@LINE-1]]:29: warning: call through 'hook' may reach 'ext2', which has no body or knowledge-base entry; noalloc cannot tell whether it allocates [noalloc-unknown-call]

#else
void set_hook(bool c) { hook = c ? &twice : &local; }
int through_hook() { return hook(1); }
#endif

// CHECK: noalloc: 3 calls into code no analysed file defines could not be followed
// CHECK-NEXT: noalloc: 3 findings in 1 file
