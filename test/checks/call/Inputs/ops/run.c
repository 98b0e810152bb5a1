#include "ops.h"
int run(const struct ops *o) { return o->tick(1); }
