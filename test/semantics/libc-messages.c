// glibc functions that allocate on every call and that no knowledge file
// listed, so the lenient default took them as allocation-free (review5 #4):
// psiginfo formats into an open_memstream buffer, catopen allocates the
// catalog's descriptor. The twin: sigismember touches no heap.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call,noalloc-c-allocation' --format=json %s -- \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %oracle %s --
#define _GNU_SOURCE
#include <nl_types.h>
#include <signal.h>
#include <string.h>

// JSON: "name": "reportSiginfo",
// JSON: "verdict": "allocates"
void reportSiginfo(const siginfo_t *si) { psiginfo(si, "worker"); }
// JSON: "name": "openCatalog",
// JSON: "verdict": "allocates"
long openCatalog(void) { return (long)catopen("noalloc-none", 0); }
// JSON: "name": "isMember",
// JSON: "verdict": "none"
int isMember(const sigset_t *s) { return sigismember(s, SIGUSR1); }

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  siginfo_t si;
  memset(&si, 0, sizeof si);
  si.si_signo = SIGUSR1;
  si.si_code = SI_USER;
  ORACLE_ALLOCATES("psiginfo", reportSiginfo(&si));
  ORACLE_ALLOCATES("psiginfo, again", reportSiginfo(&si));
  ORACLE_ALLOCATES("catopen of a missing catalog", openCatalog());
  sigset_t s;
  sigemptyset(&s);
  ORACLE_NO_HEAP("sigismember", isMember(&s));
}
#endif
