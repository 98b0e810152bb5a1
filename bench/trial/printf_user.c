/* A firmware user of eyalroz/printf, for bench/trial.py: the
 * character sink is a static ring buffer, messages are formatted into
 * static buffers; with ALIAS_STANDARD_FUNCTION_NAMES=HARD the library's
 * functions are printf, snprintf, ... themselves. */
#include <printf/printf.h>

static char ring[256];
static unsigned head;

#ifdef NOALLOC_ORACLE
/* The oracle's own printf is the library's with std names: shown. */
#include <unistd.h>
void putchar_(char c) {
  ring[head++ % sizeof ring] = c;
  (void)!write(1, &c, 1);
}
#else
void putchar_(char c) { ring[head++ % sizeof ring] = c; }
#endif

static void to_uart(char c, void *arg) {
  (void)arg;
  putchar_(c);
}

#ifdef USE_STD_NAMES
#define PRINTF printf
#define SNPRINTF snprintf
#else
#define PRINTF printf_
#define SNPRINTF snprintf_
#endif

int log_sample(int channel, double value) {
  return PRINTF("ch%d: %8.3f (%e) %s %p\n", channel, value, value, "ok",
                (void *)ring);
}

int format_status(char *out, unsigned n, long long uptime) {
  return SNPRINTF(out, n, "up %lld s, %x %-10s|%n", uptime, 0xbeefu, "state",
                  (int *)0);
}

int log_to_uart(const char *what) {
  return fctprintf(to_uart, 0, "[%s] %c %5.1f%%\n", what, 'x', 99.5);
}

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  static char out[64];
  ORACLE_NO_HEAP("log_sample", log_sample(3, 1234.5678));
  ORACLE_NO_HEAP("format_status", SNPRINTF(out, sizeof out, "up %lld s, %x %-10s|", 123456789012LL, 0xbeefu, "state"));
  ORACLE_NO_HEAP("log_to_uart", log_to_uart("adc"));
}
#else
int main(void) {
  char buf[64];
  log_sample(1, 2.5);
  format_status(buf, sizeof buf, 42);
  return log_to_uart("boot") < 0;
}
#endif
