// C library functions the knowledge base did not list, so the default
// policy took them for allocation-free (review2-3, review2-9), measured by
// the oracle: nftw, fopencookie, getifaddrs, sem_open and pthread_getattr_np
// allocate on every call; with TZ unset localtime, mktime and ctime malloc
// and free on every call, not only on first use. The twins: localtime_r
// after the zone is loaded, setvbuf to unbuffered and a SIGEV_SIGNAL timer
// use no heap; setvbuf, timer_create and the wide-character stream
// functions only may allocate (first wide write, SIGEV_THREAD), reported
// with ReportMayAllocate.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
// RUN:   --config="{CheckOptions: {Roots: 'tree;cookie;interfaces;named;attributes;stamp;stamp_made;stamp_text;stamp_r;unbuffered;signal_timer;wide'}}" \
// RUN:   %s -- -std=gnu11 2>&1 | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-c-allocation' \
// RUN:   --config='{CheckOptions: {noalloc-c-allocation.ReportMayAllocate: true}}' %s -- -std=gnu11 \
// RUN:   2>&1 | FileCheck %s --check-prefix=MAY
// RUN: %oracle %s -- -std=gnu11

#define _GNU_SOURCE
#include <fcntl.h>
#include <ftw.h>
#include <ifaddrs.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <wchar.h>

static ssize_t nothing(void *cookie, char *buf, size_t size) {
  (void)cookie;
  (void)buf;
  (void)size;
  return 0;
}

static int entries;
static int visit(const char *path, const struct stat *st, int type,
                 struct FTW *at) {
  (void)path;
  (void)st;
  (void)type;
  (void)at;
  return ++entries, 0;
}
int tree(const char *dir) { return nftw(dir, visit, 4, FTW_PHYS); }
// CHECK: libc-unlisted.c:[[@LINE-1]]:36: warning: call to 'nftw' may allocate on the heap [noalloc-call]

FILE *cookie(void) {
  cookie_io_functions_t io = {nothing, NULL, NULL, NULL};
  return fopencookie(NULL, "r", io);
}
// CHECK: libc-unlisted.c:[[@LINE-2]]:10: warning: call to 'fopencookie' may allocate on the heap [noalloc-call]

int interfaces(void) {
  struct ifaddrs *list;
  if (getifaddrs(&list) != 0)
    return -1;
  freeifaddrs(list);
  return 0;
}
// CHECK: libc-unlisted.c:[[@LINE-5]]:7: warning: call to 'getifaddrs' may allocate on the heap [noalloc-call]

sem_t *named(const char *name) { return sem_open(name, O_CREAT, 0600, 0); }
// CHECK: libc-unlisted.c:[[@LINE-1]]:41: warning: call to 'sem_open' may allocate on the heap [noalloc-call]

int attributes(void) {
  pthread_attr_t a;
  int r = pthread_getattr_np(pthread_self(), &a);
  if (!r)
    pthread_attr_destroy(&a);
  return r;
}
// CHECK: libc-unlisted.c:[[@LINE-5]]:11: warning: call to 'pthread_getattr_np' may allocate on the heap [noalloc-call]

int stamp(time_t t) { return localtime(&t)->tm_hour; }
// CHECK: libc-unlisted.c:[[@LINE-1]]:30: warning: call to 'localtime' may allocate on the heap [noalloc-call]
time_t stamp_made(struct tm *tm) { return mktime(tm); }
// CHECK: libc-unlisted.c:[[@LINE-1]]:43: warning: call to 'mktime' may allocate on the heap [noalloc-call]
char stamp_text(time_t t) { return ctime(&t)[0]; }
// CHECK: libc-unlisted.c:[[@LINE-1]]:36: warning: call to 'ctime' may allocate on the heap [noalloc-call]

// The twins.
int stamp_r(time_t t) {
  struct tm tm;
  return localtime_r(&t, &tm)->tm_hour;
}
int unbuffered(FILE *f) { return setvbuf(f, NULL, _IONBF, 0); }
int signal_timer(timer_t *timer) {
  struct sigevent event = {0};
  event.sigev_notify = SIGEV_SIGNAL;
  event.sigev_signo = SIGRTMIN;
  return timer_create(CLOCK_MONOTONIC, &event, timer);
}
int wide(FILE *f) { return fwprintf(f, L"%d", 1); }

// MAY-DAG: warning: call to 'setvbuf' may allocate on the heap: with a null buffer and _IOFBF
// MAY-DAG: warning: call to 'timer_create' may allocate on the heap: with SIGEV_THREAD
// MAY-DAG: warning: call to 'fwprintf' may allocate on the heap: on the first wide-character write to a stream
// MAY-DAG: warning: call to 'localtime' allocates on the heap
// MAY-DAG: warning: call to 'sem_open' allocates on the heap

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  unsetenv("TZ");
  time_t now = 0;
  struct tm tm = {0};
  tm.tm_year = 100;
  ORACLE_ALLOCATES("nftw", tree("/usr/include/sys"));
  ORACLE_ALLOCATES("fopencookie", cookie());
  ORACLE_ALLOCATES("getifaddrs", interfaces());
  ORACLE_ALLOCATES("sem_open", named("/noalloc-libc-unlisted"));
  sem_unlink("/noalloc-libc-unlisted");
  ORACLE_ALLOCATES("pthread_getattr_np", attributes());
  stamp(now);
  stamp(now);
  ORACLE_ALLOCATES("localtime, third call, TZ unset", stamp(now));
  ORACLE_ALLOCATES("mktime, TZ unset", stamp_made(&tm));
  ORACLE_ALLOCATES("ctime, TZ unset", stamp_text(now));
  ORACLE_NO_HEAP("localtime_r once the zone is loaded", stamp_r(now));
  FILE *f = fopen("/dev/null", "w");
  ORACLE_NO_HEAP("setvbuf to unbuffered", unbuffered(f));
  timer_t timer;
  ORACLE_NO_HEAP("a SIGEV_SIGNAL timer", signal_timer(&timer));
  FILE *g = fopen("/dev/null", "w");
  ORACLE_ALLOCATES("the first wide write", wide(g));
  ORACLE_NO_HEAP("the second wide write", wide(g));
}
#endif
