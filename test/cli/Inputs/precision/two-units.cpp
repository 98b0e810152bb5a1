// A fixture for test/cli/precision.test: a test of two units whose first
// RUN line analyses this one alone, the second the program the oracle
// builds. bench/precision.py scores the second.
// RUN: %noalloc --checks='-*,noalloc-call' %s -- -std=c++17
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s %S/two-units-other.cpp -- -std=c++17
// RUN: %oracle %s -- -std=c++17 %S/two-units-other.cpp
int quiet(int X);
int *loud();

int useQuiet(int X) { return quiet(X); }
int *useLoud() { return loud(); }

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  int *P = nullptr;
  ORACLE_NO_HEAP("useQuiet", useQuiet(1));
  ORACLE_ALLOCATES("useLoud", P = useLoud());
  delete P;
}
#endif
