#include <stdlib.h>
#include "ops.h"
static int loud_tick(int x) {
  int *p = malloc(sizeof *p);
  return p ? x : 0;
}
struct ops loud_ops;
void wire(void) { loud_ops.tick = loud_tick; }
