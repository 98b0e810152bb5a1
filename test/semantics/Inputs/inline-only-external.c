/* The external definitions of Inputs/inline-only.h's inline-only
 * functions (inline-only.c): what a call that is not inlined runs. */
#include <stdlib.h>

#ifndef SAME_UNIT
int halve(int x) {
  int *p = malloc(sizeof *p);
  *p = x / 2;
  x = *p;
  free(p);
  return x;
}
#endif

int twice(int x) { return x * 2; }

int third(int x) {
  int *p = malloc(sizeof *p);
  *p = x / 3;
  x = *p;
  free(p);
  return x;
}

int quarter(int x) { return x / 4; }
