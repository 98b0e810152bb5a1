/* C library functions that allocate on first use in a locale other than C
 * (review7-4): perror, psignal and strsignal translate their message through
 * the locale's message catalog (the first call after setlocale(LC_ALL,
 * "C.UTF-8") 12, later ones 1; 0 in the C locale); the multibyte
 * conversions load the locale's gconv converter on the first conversion
 * (3, then 0; 0 in the C locale); timegm, as gmtime_r, initialises the
 * time zone on the process's first time conversion (5, then 0). All are
 * may-allocate: ReportMayAllocate and the strict policy report them, the
 * default accepts them. Before, psignal, timegm and the multibyte functions
 * were in no knowledge file (the default called them allocation-free, and
 * so did ReportMayAllocate), and perror was 'allocates' for a reason glibc
 * 2.36 does not have. The twin: mbsinit reads the state only. review9-4:
 * regerror, gai_strerror, strerror_r, hstrerror, warn and error (with an
 * errnum) translate the same way (12, then 1; 0 in the C locale); regerror
 * and gai_strerror were 'none', a wrong clean. Their twin: strerrordesc_np
 * is never translated (0 in both). review10-6: fnmatch converts the
 * pattern and the string to wide characters in a multibyte locale: the
 * first call loads the converter (3, then 0) and a 300-byte pattern takes
 * a malloc'd buffer on every call (1 and 1); with FNM_EXTMATCH an extended
 * pattern allocates in any locale (2 and 2). It was in no knowledge file.
 * Its twin: the same short and long patterns in the C locale (0).
 * RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-c-allocation' \
 * RUN:   --config='{CheckOptions: {noalloc-c-allocation.ReportMayAllocate: true}}' %s -- \
 * RUN:   | FileCheck %s --check-prefix=REPORT --implicit-check-not='{{warning|error}}:'
 * RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-call' --format=json \
 * RUN:   --config='{CheckOptions: {Policy: strict}}' %s -- | FileCheck %s --check-prefix=STRICT
 * RUN: %noalloc --no-cache %s -- 2>&1 | FileCheck %s --check-prefix=LENIENT --implicit-check-not='{{warning|error}}:'
 * LENIENT: noalloc: 0 findings in 1 file
 * The oracle: every function in the C locale, then the first use of one
 * after setlocale, each in its own process (WITNESS).
 * RUN: %oracle %s --
 * RUN: %oracle %s -- -DWITNESS=err_psignal
 * RUN: %oracle %s -- -DWITNESS=name_signal
 * RUN: %oracle %s -- -DWITNESS=msg_regerror
 * RUN: %oracle %s -- -DWITNESS=msg_gai_strerror
 * RUN: %oracle %s -- -DWITNESS=msg_strerror_r
 * RUN: %oracle %s -- -DWITNESS=msg_hstrerror
 * RUN: %oracle %s -- -DWITNESS=msg_warn
 * RUN: %oracle %s -- -DWITNESS=msg_error
 * RUN: %oracle %s -- -DWITNESS=match_name
 * RUN: %oracle %s -- -DWITNESS=mb_mblen
 * RUN: %oracle %s -- -DWITNESS=mb_mbtowc
 * RUN: %oracle %s -- -DWITNESS=mb_mbrlen
 * RUN: %oracle %s -- -DWITNESS=mb_mbstowcs
 * RUN: %oracle %s -- -DWITNESS=mb_mbsrtowcs
 * RUN: %oracle %s -- -DWITNESS=mb_mbsnrtowcs
 * RUN: %oracle %s -- -DWITNESS=mb_wctomb
 * RUN: %oracle %s -- -DWITNESS=mb_wcrtomb
 * RUN: %oracle %s -- -DWITNESS=mb_wcstombs
 * RUN: %oracle %s -- -DWITNESS=mb_wcsrtombs
 * RUN: %oracle %s -- -DWITNESS=mb_wcsnrtombs
 * RUN: %oracle %s -- -DWITNESS=mb_btowc
 * RUN: %oracle %s -- -DWITNESS=mb_wctob
 * RUN: %oracle %s -- -DWITNESS=mb_mbrtoc8
 * RUN: %oracle %s -- -DWITNESS=mb_mbrtoc16
 * RUN: %oracle %s -- -DWITNESS=mb_c16rtomb
 * RUN: %oracle %s -- -DWITNESS=mb_mbrtoc32
 * RUN: %oracle %s -- -DWITNESS=mb_c32rtomb
 */
#define _GNU_SOURCE
#include <err.h>
#include <error.h>
#include <fnmatch.h>
#include <locale.h>
#include <netdb.h>
#include <regex.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <uchar.h>
#include <wchar.h>

#define ROOT __attribute__((annotate("noalloc")))

static const char E[] = "\xc3\xa9"; /* U+00E9 in UTF-8 */
static char out[16];
static wchar_t wide[16];
static mbstate_t st;
static char text[128];
static regex_t re;
static char long_pattern[301];

ROOT void err_perror(void) { perror("adc"); }
// REPORT: libc-locale.c:[[@LINE-1]]:30: warning: call to 'perror' may allocate on the heap: after setlocale to a locale other than C, its message comes from the locale's message catalog, loaded on first use (measured 12 with C.UTF-8, then 1 per call; 0 in the C locale) [noalloc-c-allocation]
ROOT void err_psignal(void) { psignal(SIGINT, "adc"); }
// REPORT: libc-locale.c:[[@LINE-1]]:31: warning: call to 'psignal' may allocate on the heap: after setlocale to a locale other than C, its message comes from the locale's message catalog
ROOT const char *name_signal(void) { return strsignal(SIGINT); }
// REPORT: libc-locale.c:[[@LINE-1]]:45: warning: call to 'strsignal' may allocate on the heap: after setlocale to a locale other than C, its message comes from the locale's message catalog
// review9-4: regerror and gai_strerror were 'none' (a wrong clean);
// strerror_r, hstrerror and the err.h and error.h reporters were in no
// knowledge file. All translate as strerror does.
ROOT void msg_regerror(void) { regerror(REG_EPAREN, &re, text, sizeof text); }
// REPORT: libc-locale.c:[[@LINE-1]]:32: warning: call to 'regerror' may allocate on the heap: after setlocale to a locale other than C, its message comes from the locale's message catalog
ROOT const char *msg_gai_strerror(void) { return gai_strerror(EAI_AGAIN); }
// REPORT: libc-locale.c:[[@LINE-1]]:50: warning: call to 'gai_strerror' may allocate on the heap: after setlocale to a locale other than C, its message comes from the locale's message catalog
ROOT const char *msg_strerror_r(void) { return strerror_r(2, text, sizeof text); }
// REPORT: libc-locale.c:[[@LINE-1]]:48: warning: call to 'strerror_r' may allocate on the heap: after setlocale to a locale other than C, its message comes from the locale's message catalog
ROOT const char *msg_hstrerror(void) { return hstrerror(HOST_NOT_FOUND); }
// REPORT: libc-locale.c:[[@LINE-1]]:47: warning: call to 'hstrerror' may allocate on the heap: after setlocale to a locale other than C, its message comes from the locale's message catalog
ROOT void msg_warn(void) { warn("adc"); }
// REPORT: libc-locale.c:[[@LINE-1]]:28: warning: call to 'warn' may allocate on the heap: its message ends with strerror(errno)
ROOT void msg_error(void) { error(0, 2, "adc"); }
// REPORT: libc-locale.c:[[@LINE-1]]:29: warning: call to 'error' may allocate on the heap: with a nonzero errnum, its message ends with strerror(errnum)
ROOT int match_name(void) { return fnmatch("*.c", "main.c", 0); }
// REPORT: libc-locale.c:[[@LINE-1]]:36: warning: call to 'fnmatch' may allocate on the heap: after setlocale to a locale other than C the first call loads the locale's converter (measured 3 with C.UTF-8, then 0) and a pattern or string over about 256 bytes is converted in a malloc'd buffer (1 acquired and 1 released per call); with FNM_EXTMATCH an extended pattern such as '+(a|b)' allocates in any locale (2 and 2); 0 otherwise in the C locale [noalloc-c-allocation]
ROOT int match_long(void) { return fnmatch(long_pattern, "abc", 0); }
// REPORT: libc-locale.c:[[@LINE-1]]:36: warning: call to 'fnmatch' may allocate on the heap
ROOT int match_extended(void) { return fnmatch("+(a|b)*", "abc", FNM_EXTMATCH); }
// REPORT: libc-locale.c:[[@LINE-1]]:40: warning: call to 'fnmatch' may allocate on the heap
// The twin: strerrordesc_np's text is never translated (0 in both locales).
ROOT const char *msg_strerrordesc(void) { return strerrordesc_np(2); }
ROOT time_t t_timegm(struct tm *t) { return timegm(t); }
// REPORT: libc-locale.c:[[@LINE-1]]:45: warning: call to 'timegm' may allocate on the heap: the first time conversion of the process initialises the time zone
ROOT int mb_mblen(void) { return mblen(E, 2); }
// REPORT: libc-locale.c:[[@LINE-1]]:34: warning: call to 'mblen' may allocate on the heap: the first multibyte conversion of the process in a locale other than C loads the locale's gconv converter (measured 3 with C.UTF-8, then 0; 0 in the C locale) [noalloc-c-allocation]
ROOT int mb_mbtowc(void) { return mbtowc(wide, E, 2); }
// REPORT: libc-locale.c:[[@LINE-1]]:35: warning: call to 'mbtowc' may allocate on the heap: the first multibyte conversion
ROOT size_t mb_mbrtowc(void) { return mbrtowc(wide, E, 2, &st); }
// REPORT: libc-locale.c:[[@LINE-1]]:39: warning: call to 'mbrtowc' may allocate on the heap: the first multibyte conversion
ROOT size_t mb_mbrlen(void) { return mbrlen(E, 2, &st); }
// REPORT: libc-locale.c:[[@LINE-1]]:38: warning: call to 'mbrlen' may allocate on the heap: the first multibyte conversion
ROOT size_t mb_mbstowcs(void) { return mbstowcs(wide, E, 16); }
// REPORT: libc-locale.c:[[@LINE-1]]:40: warning: call to 'mbstowcs' may allocate on the heap: the first multibyte conversion
ROOT size_t mb_mbsrtowcs(void) {
  const char *s = E;
  return mbsrtowcs(wide, &s, 16, &st);
  // REPORT: libc-locale.c:[[@LINE-1]]:10: warning: call to 'mbsrtowcs' may allocate on the heap: the first multibyte conversion
}
ROOT size_t mb_mbsnrtowcs(void) {
  const char *s = E;
  return mbsnrtowcs(wide, &s, 2, 16, &st);
  // REPORT: libc-locale.c:[[@LINE-1]]:10: warning: call to 'mbsnrtowcs' may allocate on the heap: the first multibyte conversion
}
ROOT int mb_wctomb(void) { return wctomb(out, 0xe9); }
// REPORT: libc-locale.c:[[@LINE-1]]:35: warning: call to 'wctomb' may allocate on the heap: the first multibyte conversion
ROOT size_t mb_wcrtomb(void) { return wcrtomb(out, 0xe9, &st); }
// REPORT: libc-locale.c:[[@LINE-1]]:39: warning: call to 'wcrtomb' may allocate on the heap: the first multibyte conversion
ROOT size_t mb_wcstombs(void) { return wcstombs(out, L"\u00e9", 16); }
// REPORT: libc-locale.c:[[@LINE-1]]:40: warning: call to 'wcstombs' may allocate on the heap: the first multibyte conversion
ROOT size_t mb_wcsrtombs(void) {
  const wchar_t *s = L"\u00e9";
  return wcsrtombs(out, &s, 16, &st);
  // REPORT: libc-locale.c:[[@LINE-1]]:10: warning: call to 'wcsrtombs' may allocate on the heap: the first multibyte conversion
}
ROOT size_t mb_wcsnrtombs(void) {
  const wchar_t *s = L"\u00e9";
  return wcsnrtombs(out, &s, 1, 16, &st);
  // REPORT: libc-locale.c:[[@LINE-1]]:10: warning: call to 'wcsnrtombs' may allocate on the heap: the first multibyte conversion
}
ROOT wint_t mb_btowc(void) { return btowc(0xc3); }
// REPORT: libc-locale.c:[[@LINE-1]]:37: warning: call to 'btowc' may allocate on the heap: the first multibyte conversion
ROOT int mb_wctob(void) { return wctob(0xe9); }
// REPORT: libc-locale.c:[[@LINE-1]]:34: warning: call to 'wctob' may allocate on the heap: the first multibyte conversion
ROOT size_t mb_mbrtoc8(void) { return mbrtoc8((char8_t *)out, E, 2, &st); }
// REPORT: libc-locale.c:[[@LINE-1]]:39: warning: call to 'mbrtoc8' may allocate on the heap: the first multibyte conversion
ROOT size_t mb_mbrtoc16(void) { return mbrtoc16((char16_t *)wide, E, 2, &st); }
// REPORT: libc-locale.c:[[@LINE-1]]:40: warning: call to 'mbrtoc16' may allocate on the heap: the first multibyte conversion
ROOT size_t mb_c16rtomb(void) { return c16rtomb(out, 0xe9, &st); }
// REPORT: libc-locale.c:[[@LINE-1]]:40: warning: call to 'c16rtomb' may allocate on the heap: the first multibyte conversion
ROOT size_t mb_mbrtoc32(void) { return mbrtoc32((char32_t *)wide, E, 2, &st); }
// REPORT: libc-locale.c:[[@LINE-1]]:40: warning: call to 'mbrtoc32' may allocate on the heap: the first multibyte conversion
ROOT size_t mb_c32rtomb(void) { return c32rtomb(out, 0xe9, &st); }
// REPORT: libc-locale.c:[[@LINE-1]]:40: warning: call to 'c32rtomb' may allocate on the heap: the first multibyte conversion
// The twin: mbsinit reads the state only (0 in both locales).
ROOT int mb_mbsinit(void) { return mbsinit(&st); }

// STRICT: "name": "err_perror",
// STRICT-NEXT: "usr": {{.*}}
// STRICT-NEXT: "verdict": "allocates"
// STRICT: "name": "msg_regerror",
// STRICT-NEXT: "usr": {{.*}}
// STRICT-NEXT: "verdict": "allocates"
// STRICT: "name": "msg_gai_strerror",
// STRICT-NEXT: "usr": {{.*}}
// STRICT-NEXT: "verdict": "allocates"
// STRICT: "name": "match_name",
// STRICT-NEXT: "usr": {{.*}}
// STRICT-NEXT: "verdict": "allocates"
// STRICT: "name": "msg_strerrordesc",
// STRICT-NEXT: "usr": {{.*}}
// STRICT-NEXT: "verdict": "none"
// STRICT: "name": "t_timegm",
// STRICT-NEXT: "usr": {{.*}}
// STRICT-NEXT: "verdict": "allocates"
// STRICT: "name": "mb_mbrtowc",
// STRICT-NEXT: "usr": {{.*}}
// STRICT-NEXT: "verdict": "allocates"
// STRICT: "name": "mb_mbsinit",
// STRICT-NEXT: "usr": {{.*}}
// STRICT-NEXT: "verdict": "none"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
#ifndef WITNESS
#define WITNESS mb_mbrtowc
#endif
#define NAME_(w) #w
#define NAME(w) NAME_(w)
ORACLE_MAIN {
  struct tm tm;
  memset(&tm, 0, sizeof tm);
  tm.tm_year = 100;
  memset(long_pattern, 'a', sizeof long_pattern - 3);
  long_pattern[sizeof long_pattern - 3] = '*';
  long_pattern[sizeof long_pattern - 2] = 'c';
  /* The C locale: no catalog, no converter. timegm initialises the time
   * zone whatever the locale. */
  ORACLE_NO_HEAP("perror in the C locale", err_perror());
  ORACLE_NO_HEAP("psignal in the C locale", err_psignal());
  ORACLE_NO_HEAP("strsignal in the C locale", name_signal());
  ORACLE_NO_HEAP("mbrtowc in the C locale", mb_mbrtowc());
  ORACLE_NO_HEAP("mbsinit", mb_mbsinit());
  ORACLE_NO_HEAP("regerror in the C locale", msg_regerror());
  ORACLE_NO_HEAP("gai_strerror in the C locale", msg_gai_strerror());
  ORACLE_NO_HEAP("strerror_r in the C locale", msg_strerror_r());
  ORACLE_NO_HEAP("hstrerror in the C locale", msg_hstrerror());
  ORACLE_NO_HEAP("warn in the C locale", msg_warn());
  ORACLE_NO_HEAP("error in the C locale", msg_error());
  ORACLE_NO_HEAP("strerrordesc_np in the C locale", msg_strerrordesc());
  ORACLE_NO_HEAP("fnmatch in the C locale", match_name());
  ORACLE_NO_HEAP("fnmatch, a 300-byte pattern in the C locale", match_long());
  ORACLE_ALLOCATES("fnmatch, an extended pattern in the C locale", match_extended());
  ORACLE_ALLOCATES("timegm, the first time conversion", t_timegm(&tm));
  ORACLE_NO_HEAP("timegm, later", t_timegm(&tm));
  setlocale(LC_ALL, "C.UTF-8");
  memset(&st, 0, sizeof st);
  ORACLE_ALLOCATES(NAME(WITNESS) " after setlocale", WITNESS());
  ORACLE_NO_HEAP("mbsinit after setlocale", mb_mbsinit());
  ORACLE_NO_HEAP("strerrordesc_np after setlocale", msg_strerrordesc());
  ORACLE_ALLOCATES("perror after setlocale", err_perror());
  ORACLE_ALLOCATES("perror, later", err_perror());
  ORACLE_ALLOCATES("fnmatch, a 300-byte pattern after setlocale", match_long());
  ORACLE_ALLOCATES("fnmatch, a 300-byte pattern, later", match_long());
}
#endif
