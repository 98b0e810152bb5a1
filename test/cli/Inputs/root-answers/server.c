#include <stdio.h>
#include <stdlib.h>

void report_error(const char *what);

/* A buffer that grows: the one cause of 'buffer_add'. */
static void *make(size_t n) { return calloc(1, n); }
static int grow(char **buf, size_t n) {
  char *p = make(n);
  if (!p) {
    report_error("grow");
    return -1;
  }
  free(*buf);
  *buf = p;
  return 0;
}

/* What the error path reaches: a logger and its formatters, which all use
   the heap, and which come first in the file. */
static char *format_name(const char *s) { return realloc(0, 16 + (s != 0)); }
static char *format_time(void) { return malloc(32); }
static void log_line(const char *s) { free(format_name(s)); free(format_time()); }
void report_error(const char *what) { log_line(what); }

int buffer_add(char **buf, size_t have, size_t n) {
  if (have < n)
    return grow(buf, n);
  return 0;
}

int buffer_len(const char *buf) { int n = 0; while (buf[n]) ++n; return n; }
void buffer_print(const char *buf) { printf("%s\n", buf); }
