// C translation units are analysed too.
// RUN: %expect-exit 1 %noalloc %s -- -x c -std=c11 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// The same findings through clang-tidy and the plugin:
// RUN: %expect-exit 0 %clang-tidy-noalloc -checks='-*,noalloc-*' %s -- -x c -std=c11 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

#include <stdlib.h>
#include <string.h>

struct table {
  unsigned char *entries;
};

int table_init(struct table *t, size_t n) {
  t->entries = malloc(n);
  // CHECK: c-file.c:[[@LINE-1]]:16: warning: call to 'malloc' allocates on the heap [noalloc-c-allocation]
  if (!t->entries)
    return -1;
  memset(t->entries, 0, n);
  return 0;
}

void table_free(struct table *t) {
  free(t->entries);
  // CHECK: c-file.c:[[@LINE-1]]:3: warning: call to 'free' releases heap memory [noalloc-c-allocation]
}

/* Allocation-free C stays silent. */
unsigned char crc8(const unsigned char *data, size_t n) {
  unsigned char crc = 0;
  for (size_t i = 0; i < n; ++i)
    crc ^= data[i];
  return crc;
}
