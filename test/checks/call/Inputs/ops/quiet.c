#include "ops.h"
static int quiet_tick(int x) { return x + 1; }
const struct ops quiet_ops = {.tick = quiet_tick};
