// Thread and timing calls of an RTOS port's POSIX layer (FreeRTOS's
// POSIX/GCC port: its mutexes, condition variables, thread names and
// signals) use no heap on glibc 2.36, measured by the oracle below, so the
// knowledge base lists them 'none': a real-time root that waits on a
// condition or joins a worker is clean even under Policy: strict, which
// counts every unlisted library function as allocating. Before, the
// strict run reported each of them. Found by the newcomer trial on
// FreeRTOS-Kernel V11.3.0's POSIX port (14 calls 'into code no analysed
// file defines').
// RUN: %noalloc --checks='-*,noalloc-call' \
// RUN:   --config="{CheckOptions: {Roots: 'robust_mutex;timed_wait;wait_until_set;join_worker;name_self;key_cycle;attr_cycle;wait_signal;pause_briefly;ticks', Policy: strict}}" %s -- \
// RUN:   2>&1 | FileCheck %s --check-prefix=QUIET --implicit-check-not='{{warning|error}}:'
// QUIET: noalloc: 0 findings in 1 file
// The negative twin: pthread_getattr_np mallocs a CPU set (the knowledge
// base says allocates, measured 7): reported under the strict policy too.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
// RUN:   --config="{CheckOptions: {Roots: 'own_attributes', Policy: strict}}" %s -- \
// RUN:   2>&1 | FileCheck %s --check-prefix=STRICT --implicit-check-not='{{warning|error}}:'
// pthread_cancel and pthread_exit may allocate: the process's first use of
// either loads libgcc_s to unwind the thread; the oracle measures the first
// pthread_exit (in a child process) and the first pthread_cancel, and 0 for
// later ones. Reported with ReportMayAllocate; lenient accepts them.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-c-allocation' \
// RUN:   --config='{CheckOptions: {noalloc-c-allocation.ReportMayAllocate: true}}' %s -- \
// RUN:   2>&1 | FileCheck %s --check-prefix=FIRST --implicit-check-not='{{warning|error}}:'
// RUN: %noalloc --checks='-*,noalloc-c-allocation,noalloc-call' \
// RUN:   --config="{CheckOptions: {Roots: 'stop_worker;leave'}}" %s -- \
// RUN:   2>&1 | FileCheck %s --check-prefix=QUIET --implicit-check-not='{{warning|error}}:'
// RUN: %oracle %s --

#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int robust_mutex(void) {
  pthread_mutexattr_t a;
  pthread_mutex_t m;
  pthread_mutexattr_init(&a);
  pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
  pthread_mutex_init(&m, &a);
  pthread_mutexattr_destroy(&a);
  int r = pthread_mutex_consistent(&m); // EINVAL: it is consistent
  pthread_mutex_destroy(&m);
  return r;
}

// The caller holds the mutexes (pthread_mutex_lock may allocate, for a
// priority-protected mutex, which the strict policy counts).
int timed_wait(pthread_mutex_t *held) {
  pthread_cond_t c;
  struct timespec past = {0, 0};
  pthread_cond_init(&c, NULL);
  int r = pthread_cond_timedwait(&c, held, &past); // ETIMEDOUT
  pthread_cond_destroy(&c);
  return r;
}

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;
static int flag;

void wait_until_set(void) {
  while (!flag)
    pthread_cond_wait(&changed, &lock);
}

int join_worker(pthread_t worker) {
  pthread_kill(worker, 0); // is it there?
  return pthread_join(worker, NULL);
}

int name_self(void) {
  pthread_testcancel();
  return pthread_setname_np(pthread_self(), "tick");
}

int key_cycle(void) {
  pthread_key_t k;
  if (pthread_key_create(&k, NULL))
    return -1;
  return pthread_key_delete(k);
}

int attr_cycle(void) {
  pthread_attr_t a;
  pthread_attr_init(&a);
  return pthread_attr_destroy(&a);
}

static void on_usr2(int sig) { (void)sig; }

int wait_signal(void) {
  struct sigaction action = {0};
  sigset_t s;
  int got = 0;
  action.sa_handler = on_usr2;
  sigaction(SIGUSR2, &action, NULL);
  sigemptyset(&s);
  sigaddset(&s, SIGUSR1);
  pthread_sigmask(SIG_BLOCK, &s, NULL);
  pthread_kill(pthread_self(), SIGUSR1);
  sigwait(&s, &got);
  return got;
}

void pause_briefly(void) { usleep(10); }

clock_t ticks(void) {
  struct tms t;
  return times(&t);
}

int own_attributes(void) {
  pthread_attr_t a;
  int r = pthread_getattr_np(pthread_self(), &a);
  if (!r)
    pthread_attr_destroy(&a);
  return r;
}
// STRICT: libc-threads.c:[[@LINE-5]]:11: warning: call to 'pthread_getattr_np' may allocate on the heap [noalloc-call]
// STRICT: libc-threads.c:[[@LINE-6]]:11: note: 'pthread_getattr_np' allocates on the heap
// FIRST: libc-threads.c:[[@LINE-7]]:11: warning: call to 'pthread_getattr_np' allocates on the heap [noalloc-c-allocation]

int stop_worker(pthread_t worker) { return pthread_cancel(worker); }
// FIRST: libc-threads.c:[[@LINE-1]]:44: warning: call to 'pthread_cancel' may allocate on the heap: on the process's first pthread_cancel or pthread_exit (glibc loads libgcc_s for unwinding, measured 7 in C, 1 in C++) [noalloc-c-allocation]
void leave(void) { pthread_exit(NULL); }
// FIRST: libc-threads.c:[[@LINE-1]]:20: warning: call to 'pthread_exit' may allocate on the heap: on the process's first pthread_exit or pthread_cancel (glibc loads libgcc_s for unwinding, measured 7 in C, 1 in C++) [noalloc-c-allocation]

#ifdef NOALLOC_ORACLE
#include "oracle.h"
#include <semaphore.h>
static void *worker(void *arg) {
  (void)arg;
  return NULL;
}
static void *setter(void *arg) {
  (void)arg;
  usleep(50000); // the main thread waits by then
  pthread_mutex_lock(&lock);
  flag = 1;
  pthread_cond_signal(&changed);
  pthread_mutex_unlock(&lock);
  return NULL;
}
static sem_t go;
static void *leaver(void *arg) {
  (void)arg;
  sem_wait(&go);
  leave();
  return NULL;
}
static void *sleeper(void *arg) {
  (void)arg;
  for (;;)
    pause(); // a cancellation point
  return NULL;
}
// Measures the process's first pthread_exit in a child, before any thread.
static void first_exit(void) {
  pid_t child = fork();
  if (child == 0) {
    pthread_t l;
    sem_init(&go, 0, 0);
    pthread_create(&l, NULL, leaver, NULL);
    ORACLE_ALLOCATES("leave, the process's first pthread_exit (+join)",
                     (sem_post(&go), pthread_join(l, NULL)));
    pthread_create(&l, NULL, leaver, NULL);
    ORACLE_NO_HEAP("leave, a later pthread_exit (+join)",
                   (sem_post(&go), pthread_join(l, NULL)));
    _exit(oracle_failures);
  }
  int status = 1;
  waitpid(child, &status, 0);
  oracle_failures += !WIFEXITED(status) || WEXITSTATUS(status);
}
ORACLE_MAIN {
  pthread_t w, s, c;
  first_exit();
  pthread_create(&c, NULL, sleeper, NULL);
  ORACLE_ALLOCATES("stop_worker, the process's first pthread_cancel",
                   stop_worker(c));
  pthread_join(c, NULL);
  pthread_create(&c, NULL, sleeper, NULL);
  ORACLE_NO_HEAP("stop_worker, a later pthread_cancel", stop_worker(c));
  pthread_join(c, NULL);
  pthread_create(&w, NULL, worker, NULL);
  pthread_create(&s, NULL, setter, NULL);
  ORACLE_NO_HEAP("robust_mutex", robust_mutex());
  pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
  pthread_mutex_lock(&m);
  ORACLE_NO_HEAP("timed_wait", timed_wait(&m));
  pthread_mutex_unlock(&m);
  pthread_mutex_lock(&lock);
  ORACLE_NO_HEAP("wait_until_set", wait_until_set());
  pthread_mutex_unlock(&lock);
  ORACLE_NO_HEAP("join_worker", join_worker(w));
  ORACLE_NO_HEAP("name_self", name_self());
  ORACLE_NO_HEAP("key_cycle", key_cycle());
  ORACLE_NO_HEAP("attr_cycle", attr_cycle());
  ORACLE_NO_HEAP("wait_signal", wait_signal());
  ORACLE_NO_HEAP("pause_briefly", pause_briefly());
  ORACLE_NO_HEAP("ticks", ticks());
  ORACLE_ALLOCATES("own_attributes", own_attributes());
  pthread_join(s, NULL);
}
#endif
