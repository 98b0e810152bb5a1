// Signal masks, errno and abort use no heap (glibc 2.36, measured by the
// oracle below), so the knowledge base lists them 'none': a real-time
// root that blocks signals, reads errno or aborts is clean even under
// Policy: strict, which counts every unlisted library function as
// allocating. Before, the strict run reported each of them ("has no body
// to analyse (the strict policy counts it as allocating)"). A failing
// assert does allocate, on its failure path (test/semantics/assert-failure.c).
// RUN: %noalloc --checks='-*,noalloc-call' \
// RUN:   --config="{CheckOptions: {Roots: 'last_error;block_signals;mask_all;stop', Policy: strict}}" %s -- \
// RUN:   2>&1 | FileCheck %s --check-prefix=QUIET --implicit-check-not='{{warning|error}}:'
// QUIET: noalloc: 0 findings in 1 file
// The negative twin: an unlisted libc function (getpriority) is still
// allocating under the strict policy.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
// RUN:   --config="{CheckOptions: {Roots: 'nice_value', Policy: strict}}" %s -- \
// RUN:   2>&1 | FileCheck %s --check-prefix=STRICT --implicit-check-not='{{warning|error}}:'
// RUN: %oracle %s --

#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>

int last_error(void) { return errno; }

int block_signals(void) {
  sigset_t s;
  sigemptyset(&s);
  sigaddset(&s, SIGINT);
  return pthread_sigmask(SIG_BLOCK, &s, NULL);
}

int mask_all(void) {
  sigset_t s, old;
  sigfillset(&s);
  sigdelset(&s, SIGSEGV);
  if (sigprocmask(SIG_SETMASK, &s, &old))
    return -1;
  return sigismember(&old, SIGINT) + sigprocmask(SIG_SETMASK, &old, NULL);
}

void stop(void) { abort(); }

int nice_value(void) { return getpriority(PRIO_PROCESS, 0); }
// STRICT: libc-signals.c:[[@LINE-1]]:31: warning: call to 'getpriority' may allocate on the heap [noalloc-call]
// STRICT: libc-signals.c:[[@LINE-2]]:31: note: 'getpriority' has no body to analyse (the strict policy counts it as allocating)

#ifdef NOALLOC_ORACLE
#include "oracle.h"
static sigjmp_buf back;
static void on_abort(int sig) {
  (void)sig;
  siglongjmp(back, 1);
}
ORACLE_MAIN {
  signal(SIGABRT, on_abort);
  ORACLE_NO_HEAP("last_error", last_error());
  ORACLE_NO_HEAP("block_signals", block_signals());
  ORACLE_NO_HEAP("mask_all", mask_all());
  ORACLE_NO_HEAP("stop", {
    if (!sigsetjmp(back, 1))
      stop();
  });
  ORACLE_NO_HEAP("nice_value", nice_value());
}
#endif
