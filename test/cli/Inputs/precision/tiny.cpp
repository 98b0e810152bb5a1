// A fixture for test/cli/precision.test: bench/precision.py reads these
// RUN lines (they are not run: the file is under Inputs), %S as lit has it.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- -std=c++17 -isystem %S
// RUN: %oracle %s -- -std=c++17 -isystem %S
#include <cstring>
#include <tiny.h>

int *make() { return new int(1); }
int *viaMake() { return make(); }
void drop(int *P) { delete P; }
int twice(int X) { return TINY_SCALE * X; }
int square(int X) { return X * X; }
std::size_t length(const char *S) { return std::strlen(S); }

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  int *P = nullptr;
  ORACLE_ALLOCATES("make", P = make());
  ORACLE_RELEASES("drop", drop(P));
  ORACLE_ALLOCATES("viaMake", P = viaMake());
  ORACLE_NO_HEAP("twice", twice(1));
  ORACLE_NO_HEAP("strlen", length("abc"));
  // Over two lines: clang's __LINE__ is the second.
  ORACLE_NO_HEAP("square, the label over two lines",
                 square(4));
  // Skipped: two functions of the file, none, more than the call.
  ORACLE_NO_HEAP("twice and square", twice(1) + square(2));
  ORACLE_NO_HEAP("no function of the file", int X = 0);
  ORACLE_ALLOCATES("more than the call", P = make() + 0);
#ifdef _LIBCPP_VERSION
  ORACLE_NO_HEAP("libc++ only", square(3));
#endif
}
#endif
