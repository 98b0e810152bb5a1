/* Witnesses for noalloc's runtime oracle (see README.md in this folder).
 *
 * A test input states what its functions do with the heap on a witness
 * input, in a block the analyzer never sees:
 *
 *   #ifdef NOALLOC_ORACLE
 *   #include "oracle.h"
 *   ORACLE_MAIN {
 *     std::vector<int> v;                    // setup: not measured
 *     ORACLE_ALLOCATES("grow", grow(v));     // measured
 *     ORACLE_NO_HEAP("peek", peek(v));
 *   }
 *   #endif
 *
 * oracle.py compiles the file with -DNOALLOC_ORACLE and the heap counter
 * (count_heap.c), runs it, and fails when a label is contradicted. */
#ifndef NOALLOC_ORACLE_H
#define NOALLOC_ORACLE_H

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif
void noalloc_oracle_counts(unsigned long *acquired, unsigned long *released);
#ifdef __cplusplus
}
#endif

enum oracle_label {
  ORACLE_LABEL_ALLOCATES, /* at least one acquisition */
  ORACLE_LABEL_RELEASES,  /* no acquisition, at least one release */
  ORACLE_LABEL_NO_ALLOC,  /* no acquisition (releases allowed) */
  ORACLE_LABEL_NO_HEAP,   /* neither */
};

static int oracle_failures;
static unsigned long oracle_acq0, oracle_rel0;

static void oracle_begin(void) { noalloc_oracle_counts(&oracle_acq0, &oracle_rel0); }

static void oracle_end(enum oracle_label label, const char *what,
                       const char *file, int line) {
  static const char *names[] = {"allocates", "releases", "no-alloc", "no-heap"};
  unsigned long acq, rel;
  noalloc_oracle_counts(&acq, &rel);
  acq -= oracle_acq0;
  rel -= oracle_rel0;
  int ok = label == ORACLE_LABEL_ALLOCATES ? acq > 0
           : label == ORACLE_LABEL_RELEASES ? acq == 0 && rel > 0
           : label == ORACLE_LABEL_NO_ALLOC ? acq == 0
                                            : acq == 0 && rel == 0;
  if (!ok)
    oracle_failures++;
  printf("%s:%d: %s: %s '%s': %lu acquired, %lu released\n", file, line,
         ok ? "confirmed" : "error: contradicted", names[label], what, acq, rel);
}

#ifdef __cplusplus
/* A witness may throw: the exception object is part of what is measured. */
#define ORACLE_RUN_(...)                                                       \
  try {                                                                        \
    __VA_ARGS__;                                                               \
  } catch (...) {                                                              \
  }
#elif defined(__OBJC__)
/* The same for an Objective-C exception. */
#define ORACLE_RUN_(...)                                                       \
  @try {                                                                       \
    __VA_ARGS__;                                                               \
  } @catch (id oracle_caught) {                                                \
  }
#else
#define ORACLE_RUN_(...) __VA_ARGS__;
#endif

#define ORACLE_EXPECT_(label, what, ...)                                       \
  do {                                                                         \
    oracle_begin();                                                            \
    ORACLE_RUN_(__VA_ARGS__)                                                   \
    oracle_end(label, what, __FILE__, __LINE__);                               \
  } while (0)

#define ORACLE_ALLOCATES(what, ...) ORACLE_EXPECT_(ORACLE_LABEL_ALLOCATES, what, __VA_ARGS__)
#define ORACLE_RELEASES(what, ...) ORACLE_EXPECT_(ORACLE_LABEL_RELEASES, what, __VA_ARGS__)
#define ORACLE_NO_ALLOC(what, ...) ORACLE_EXPECT_(ORACLE_LABEL_NO_ALLOC, what, __VA_ARGS__)
#define ORACLE_NO_HEAP(what, ...) ORACLE_EXPECT_(ORACLE_LABEL_NO_HEAP, what, __VA_ARGS__)

/* The witness program; it fails when any label was contradicted. */
#define ORACLE_MAIN                                                            \
  static void oracle_witnesses(void);                                          \
  int main(void) {                                                             \
    setvbuf(stdout, NULL, _IONBF, 0);                                          \
    oracle_witnesses();                                                        \
    return oracle_failures ? 1 : 0;                                            \
  }                                                                            \
  static void oracle_witnesses(void)

#endif
