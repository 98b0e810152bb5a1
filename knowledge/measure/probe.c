/* Calls libc functions one by one and records how many heap calls each made
 * (counters come from count_malloc.so via LD_PRELOAD). Output: a table. */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <grp.h>
#include <wchar.h>
#include <dlfcn.h>
#include <errno.h>
#include <execinfo.h>
#include <glob.h>
#include <iconv.h>
#include <locale.h>
#include <netdb.h>
#include <pthread.h>
#include <pwd.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wordexp.h>

void count_malloc_get(unsigned long out[5]) __attribute__((weak));
static unsigned long before[5];
static struct { const char *name; long allocs, frees; } rows[128];
static int nrows;
static void snap(void) { count_malloc_get(before); }
static void rec(const char *name) {
  unsigned long now[5];
  count_malloc_get(now);
  rows[nrows].name = name;
  rows[nrows].allocs = (now[0] - before[0]) + (now[1] - before[1]) + (now[2] - before[2]) + (now[4] - before[4]);
  rows[nrows++].frees = now[3] - before[3];
}
#define P(name, ...) do { snap(); __VA_ARGS__; rec(name); } while (0)

static int cmp(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }
static void *thr(void *p) { return p; }
static volatile void *sink;
#define KEEP(x) (sink = (void *)(x))

int main(void) {
  if (!count_malloc_get) { fprintf(stderr, "run with LD_PRELOAD=./count_malloc.so\n"); return 1; }
  static char buf[8192], big[20000];
  static int arr[100000];
  char *s = NULL; size_t n = 0; double d; long l; int i;
  for (i = 0; i < 100000; i++) arr[i] = (i * 7919) % 100003;
  memset(big, '1', 10000); big[0] = '0'; big[1] = '.';

  P("memcpy+strlen+strcmp (control)", memcpy(buf, "abc", 4); KEEP(strlen(buf) + strcmp(buf, "x")));
  P("malloc(16)", KEEP(malloc(16)));
  P("strdup", KEEP(strdup("hello")));
  P("asprintf", asprintf(&s, "%d", 42); KEEP(s));
  P("printf first use (stdout)", printf("# probe output (stdout first use)\n"));
  P("printf second use", printf("# again %d\n", 1));
  P("snprintf \"%d %s %x\"", snprintf(buf, 64, "%d %s %x", 1, "a", 255));
  P("snprintf \"%.3f %g %e\"", snprintf(buf, 64, "%.3f %g %e", 3.14159, 1e300, 2.5));
  P("snprintf \"%f\" 1e308", snprintf(buf, sizeof buf, "%f", 1e308));
  P("snprintf \"%Lf\" 1e4000L", snprintf(buf, sizeof buf, "%Lf", 1e4000L));
  P("snprintf \"%1$d %2$s\" (positional)", snprintf(buf, 64, "%1$d %2$s", 1, "a"));
  P("snprintf \"%ls\" (wide string)", snprintf(buf, 64, "%ls", L"wide"));
  P("snprintf \"%2000d\" (width)", snprintf(buf, 64, "%2000d", 1));
  P("snprintf \"%.2000f\" (precision)", snprintf(buf, 64, "%.2000f", 1.0));
  P("snprintf \"%.30000f\" (precision)", snprintf(buf, 64, "%.30000f", 1.0));
  P("sprintf \"%d\"", sprintf(buf, "%d", 7));
  P("snprintf 10 positional args", snprintf(buf, sizeof buf, "%1$d%2$d%3$d%4$d%5$d%6$d%7$d%8$d%9$d%10$d", 1, 1, 1, 1, 1, 1, 1, 1, 1, 1));
  P("snprintf 30 positional args", snprintf(buf, sizeof buf, "%1$d%2$d%3$d%4$d%5$d%6$d%7$d%8$d%9$d%10$d%11$d%12$d%13$d%14$d%15$d%16$d%17$d%18$d%19$d%20$d%21$d%22$d%23$d%24$d%25$d%26$d%27$d%28$d%29$d%30$d", 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1));
  P("snprintf 70 positional args", snprintf(buf, sizeof buf, "%1$d%2$d%3$d%4$d%5$d%6$d%7$d%8$d%9$d%10$d%11$d%12$d%13$d%14$d%15$d%16$d%17$d%18$d%19$d%20$d%21$d%22$d%23$d%24$d%25$d%26$d%27$d%28$d%29$d%30$d%31$d%32$d%33$d%34$d%35$d%36$d%37$d%38$d%39$d%40$d%41$d%42$d%43$d%44$d%45$d%46$d%47$d%48$d%49$d%50$d%51$d%52$d%53$d%54$d%55$d%56$d%57$d%58$d%59$d%60$d%61$d%62$d%63$d%64$d%65$d%66$d%67$d%68$d%69$d%70$d", 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1));
  P("snprintf \"%70000d\" (width)", snprintf(buf, 64, "%70000d", 1));
  P("fprintf(stderr) (unbuffered)", fprintf(stderr, "%s", ""));
  P("sscanf \"%lf\" 10000 digits", sscanf(big, "%lf", &d));
  P("sscanf \"%d %s\"", sscanf("12 ab", "%d %8191s", &i, buf));
  P("sscanf \"%s\" 5000-char field", memset(big + 10000, 'x', 5000); sscanf(big + 10000, "%8191s", buf));
  P("sscanf \"%ms\"", sscanf("abc", "%ms", &s); KEEP(s));
  P("strtod short", d = strtod("3.25e10", NULL); KEEP(&d));
  P("strtod 10000 digits", d = strtod(big, NULL); KEEP(&d));
  P("strtold 10000 digits", long double ld = strtold(big, NULL); KEEP(&ld));
  P("strtol", l = strtol("12345", NULL, 10); KEEP(&l));
  P("qsort 10 ints", qsort(arr, 10, sizeof(int), cmp));
  P("qsort 1000 ints (4 KB)", qsort(arr, 1000, sizeof(int), cmp));
  P("qsort 100000 ints (400 KB)", qsort(arr, 100000, sizeof(int), cmp));
  time_t t = 1700000000;
  P("localtime first call", KEEP(localtime(&t)));
  P("localtime second call", KEEP(localtime(&t)));
  P("gmtime", KEEP(gmtime(&t)));
  struct tm tm = *localtime(&t), tm2 = tm;
  P("localtime_r (after init)", KEEP(localtime_r(&t, &tm2)));
  P("tzset (TZ unset)", tzset());
  P("mktime", KEEP(mktime(&tm)));
  P("strftime \"%c %Z\"", KEEP(strftime(buf, 64, "%c %Z", &tm)));
  setenv("TZ", "UTC", 1);
  P("localtime first call with TZ=UTC", KEEP(localtime(&t)));
  P("localtime again with TZ=UTC", KEEP(localtime(&t)));
  unsetenv("TZ");
  P("strerror(EINVAL)", KEEP(strerror(EINVAL)));
  P("strerror(12345) unknown errno", KEEP(strerror(12345)));
  P("getcwd(NULL, 0)", KEEP(getcwd(NULL, 0)));
  P("getcwd(buf, n)", KEEP(getcwd(buf, sizeof buf)));
  P("realpath(p, NULL)", KEEP(realpath(".", NULL)));
  P("realpath(p, buf)", KEEP(realpath(".", buf)));
  FILE *f = NULL;
  P("fopen", f = fopen("/etc/hostname", "r"));
  s = NULL; n = 0;
  P("getline (NULL buffer)", KEEP(getline(&s, &n, f)));
  P("fclose", fclose(f));
  P("fopen+fprintf first+fclose", f = fopen("/dev/null", "w"); fprintf(f, "x"); fclose(f));
  P("fmemopen", f = fmemopen(buf, 64, "w"); KEEP(f));
  P("open_memstream", KEEP(open_memstream(&s, &n)));
  P("tmpfile", KEEP(tmpfile()));
  P("setenv new", setenv("NOALLOC_PROBE", "1", 1));
  P("setenv same again", setenv("NOALLOC_PROBE", "2", 1));
  P("getenv", KEEP(getenv("NOALLOC_PROBE")));
  P("unsetenv", unsetenv("NOALLOC_PROBE"));
  P("putenv", putenv("NOALLOC_PROBE2=1"));
  DIR *dp = NULL;
  P("opendir", dp = opendir("/"));
  P("readdir", KEEP(readdir(dp)));
  P("closedir", closedir(dp));
  struct dirent **nl;
  P("scandir /", KEEP(scandir("/", &nl, NULL, alphasort)));
  glob_t g;
  P("glob", glob("/etc/h*", 0, NULL, &g));
  P("globfree", globfree(&g));
  wordexp_t we;
  P("wordexp \"a b\"", wordexp("a b", &we, 0));
  regex_t re;
  P("regcomp", regcomp(&re, "a[bc]+d", REG_EXTENDED));
  P("regexec", KEEP(regexec(&re, "abcd", 0, NULL, 0)));
  P("regfree", regfree(&re));
  P("iconv_open", KEEP(iconv_open("UTF-8", "ISO-8859-1")));
  P("setlocale(LC_ALL, \"C\")", KEEP(setlocale(LC_ALL, "C")));
  P("setlocale(LC_ALL, \"C.UTF-8\")", KEEP(setlocale(LC_ALL, "C.UTF-8")));
  P("newlocale", KEEP(newlocale(LC_ALL_MASK, "C", (locale_t)0)));
  struct passwd pw, *pr; char pwbuf[1024];
  P("getpwuid_r first (NSS init)", getpwuid_r(0, &pw, pwbuf, sizeof pwbuf, &pr));
  P("getpwuid_r second", getpwuid_r(0, &pw, pwbuf, sizeof pwbuf, &pr));
  P("getpwuid first", KEEP(getpwuid(0)));
  P("getpwuid second", KEEP(getpwuid(0)));
  struct addrinfo hints = {.ai_flags = AI_NUMERICHOST}, *ai = NULL;
  P("getaddrinfo numeric", getaddrinfo("127.0.0.1", NULL, &hints, &ai));
  P("freeaddrinfo", freeaddrinfo(ai));
  void *h = NULL;
  P("dlopen libm", h = dlopen("libm.so.6", RTLD_NOW));
  P("dlerror (no error)", KEEP(dlerror()));
  P("dlclose", dlclose(h));
  pthread_t th; pthread_key_t key;
  P("pthread_create+join first", pthread_create(&th, NULL, thr, NULL); pthread_join(th, NULL));
  P("pthread_create+join second", pthread_create(&th, NULL, thr, NULL); pthread_join(th, NULL));
  P("pthread_key_create", pthread_key_create(&key, NULL));
  void *frames[8]; int nf = 0;
  P("backtrace first call", nf = backtrace(frames, 8));
  P("backtrace second call", nf = backtrace(frames, 8));
  P("backtrace_symbols", KEEP(backtrace_symbols(frames, nf)));
  P("atexit (1st handler)", atexit((void (*)(void))thr));
  P("popen+pclose", f = popen("true", "r"); pclose(f));
  P("perror (stderr)", errno = 0; perror(""));
  P("fdopen", f = fdopen(dup(0), "r"); KEEP(f));
  P("freopen", f = freopen("/etc/hostname", "r", f));
  P("fgetc first use", KEEP(fgetc(f)));
  P("fgetc second use", KEEP(fgetc(f)));
  P("fclose", fclose(f));
  P("fdopendir", KEEP(fdopendir(open("/", O_RDONLY | O_DIRECTORY))));
  P("get_current_dir_name", KEEP(get_current_dir_name()));
  P("canonicalize_file_name", KEEP(canonicalize_file_name(".")));
  P("tempnam", KEEP(tempnam(NULL, "x")));
  P("wcsdup", KEEP(wcsdup(L"abc")));
  P("strsignal(SIGINT)", KEEP(strsignal(2)));
  P("ctime", KEEP(ctime(&t)));
  P("asctime", KEEP(asctime(&tm)));
  P("getgrgid", KEEP(getgrgid(0)));
  static pthread_key_t keys[40];
  for (i = 0; i < 40; i++) pthread_key_create(&keys[i], NULL);
  P("pthread_setspecific key < 32", pthread_setspecific(keys[0], buf));
  P("pthread_setspecific key >= 32", pthread_setspecific(keys[39], buf));
  P("system(\"true\")", KEEP(system("true")));
  P("dlsym", KEEP(dlsym(RTLD_DEFAULT, "strlen")));
  P("dlopen missing + dlerror", dlopen("libnope.so", RTLD_NOW); KEEP(dlerror()));
  P("iconv_close", iconv_close(iconv_open("UTF-8", "UTF-8")));
  P("strtok/strchr/memmem/strcasecmp", KEEP(strtok(strcpy(buf, "a b"), " ")); KEEP(memmem(buf, 3, "b", 1)); KEEP(strcasecmp("a", "A")));

  printf("%-40s %7s %6s\n", "call", "allocs", "frees");
  for (i = 0; i < nrows; i++) printf("%-40s %7ld %6ld\n", rows[i].name, rows[i].allocs, rows[i].frees);
  return 0;
}
