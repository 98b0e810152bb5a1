/* Witnesses for libc functions, labelled with the symbol noalloc-libscan
 * classifies: the oracle measures each on one input (agreement.sh joins the
 * two). An input chosen to allocate where one is known. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <glob.h>
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

static int cmp(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }
static volatile const void *sink;
#define KEEP(x) (sink = (const void *)(long)(x))

#ifdef NOALLOC_ORACLE
#include "oracle.h"
static int arr[1000];
static char buf[8192], digits[5000];
ORACLE_MAIN {
  time_t t = 1700000000;
  struct tm tm;
  FILE *f = NULL;
  char *s = NULL;
  size_t n = 0;
  ORACLE_NO_HEAP("strlen", KEEP(strlen("abc")));
  ORACLE_NO_HEAP("memcpy", memcpy(buf, "abc", 4));
  ORACLE_NO_HEAP("strcmp", KEEP(strcmp(buf, "abd")));
  ORACLE_NO_HEAP("strtol", KEEP(strtol("123", NULL, 10)));
  ORACLE_NO_HEAP("strtod", KEEP(strtod("1.5", NULL)));
  ORACLE_NO_HEAP("abs", KEEP(abs(-3)));
  ORACLE_NO_HEAP("sin", KEEP(sin(0.5)));
  ORACLE_NO_HEAP("sqrt", KEEP(sqrt(2.0)));
  ORACLE_NO_HEAP("exp", KEEP(exp(1.0)));
  ORACLE_NO_HEAP("getenv", KEEP(getenv("HOME")));
  /* The first time conversion of the process initialises the zone. */
  ORACLE_ALLOCATES("gmtime_r", KEEP(gmtime_r(&t, &tm)));
  ORACLE_NO_HEAP("gmtime", KEEP(gmtime(&t)));
  ORACLE_ALLOCATES("localtime", KEEP(localtime(&t)));
  ORACLE_NO_HEAP("asctime_r", KEEP(asctime_r(&tm, buf)));
  ORACLE_NO_HEAP("strftime", KEEP(strftime(buf, 64, "%Y-%m-%d", &tm)));
  ORACLE_ALLOCATES("malloc", KEEP(malloc(16)));
  ORACLE_ALLOCATES("strdup", KEEP(strdup("x")));
  ORACLE_ALLOCATES("asprintf", asprintf(&s, "%d", 1));
  ORACLE_ALLOCATES("fopen", f = fopen("/dev/null", "w"));
  ORACLE_ALLOCATES("fputs", fputs("x", f));
  ORACLE_NO_HEAP("fflush", fflush(f));
  ORACLE_RELEASES("fclose", fclose(f));
  f = fopen("/dev/null", "w");
  ORACLE_ALLOCATES("fprintf", fprintf(f, "%d", 1));
  ORACLE_ALLOCATES("fwrite", fwrite("x", 1, 1, fopen("/dev/null", "w")));
  ORACLE_NO_HEAP("snprintf", snprintf(buf, 64, "%d %s", 1, "a"));
  ORACLE_ALLOCATES("snprintf", snprintf(buf, 64, "%.30000f", 1.0));
  ORACLE_NO_HEAP("sprintf", sprintf(buf, "%d", 7));
  ORACLE_NO_HEAP("__isoc99_sscanf", sscanf("12", "%d", (int *)buf));
  memset(digits, '1', sizeof digits - 1);
  ORACLE_ALLOCATES("__isoc99_sscanf", sscanf(digits, "%lf", (double *)buf));
  ORACLE_NO_HEAP("qsort", qsort(arr, 10, sizeof(int), cmp));
  ORACLE_ALLOCATES("qsort", qsort(arr, 1000, sizeof(int), cmp));
  ORACLE_ALLOCATES("setenv", setenv("NOALLOC_SAMPLE", "1", 1));
  ORACLE_NO_HEAP("unsetenv", unsetenv("NOALLOC_SAMPLE"));
  ORACLE_ALLOCATES("getcwd", KEEP(getcwd(NULL, 0)));
  ORACLE_ALLOCATES("realpath", KEEP(realpath(".", NULL)));
  ORACLE_ALLOCATES("opendir", KEEP(opendir("/")));
  ORACLE_ALLOCATES("strerror", KEEP(strerror(12345)));
  ORACLE_NO_HEAP("strerror_r", KEEP(strerror_r(EINVAL, buf, 64)));
  ORACLE_ALLOCATES("open_memstream", KEEP(open_memstream(&s, &n)));
  regex_t re;
  ORACLE_ALLOCATES("regcomp", regcomp(&re, "a+b", REG_EXTENDED));
  ORACLE_ALLOCATES("regexec", regexec(&re, "aab", 0, NULL, 0));
  ORACLE_RELEASES("regfree", regfree(&re));
  glob_t g;
  ORACLE_ALLOCATES("glob", glob("/etc/h*", 0, NULL, &g));
  ORACLE_RELEASES("globfree", globfree(&g));
  pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
  ORACLE_NO_HEAP("pthread_mutex_lock", pthread_mutex_lock(&m));
  ORACLE_NO_HEAP("pthread_mutex_unlock", pthread_mutex_unlock(&m));
  /* A priority-ceiling mutex: the thread's ceiling table is calloc'd. */
  pthread_mutexattr_t pa;
  pthread_mutexattr_init(&pa);
  pthread_mutexattr_setprotocol(&pa, PTHREAD_PRIO_PROTECT);
  pthread_mutexattr_setprioceiling(&pa, 0);
  pthread_mutex_t pm;
  pthread_mutex_init(&pm, &pa);
  ORACLE_ALLOCATES("pthread_mutex_lock", pthread_mutex_lock(&pm));
  pthread_cond_t c = PTHREAD_COND_INITIALIZER;
  ORACLE_NO_HEAP("pthread_cond_signal", pthread_cond_signal(&c));
  ORACLE_NO_HEAP("clock_gettime", clock_gettime(CLOCK_MONOTONIC, (struct timespec *)buf));
  ORACLE_NO_HEAP("time", KEEP(time(NULL)));
  ORACLE_NO_HEAP("getpid", KEEP(getpid()));
  ORACLE_ALLOCATES("setlocale", KEEP(setlocale(LC_ALL, "C.UTF-8")));
  ORACLE_ALLOCATES("mbstowcs", KEEP(mbstowcs((wchar_t *)buf, "abc", 4)));
  ORACLE_NO_HEAP("wcslen", KEEP(wcslen(L"abc")));
  ORACLE_NO_HEAP("atoi", KEEP(atoi("42")));
  ORACLE_NO_HEAP("rand", KEEP(rand()));
}
#endif
