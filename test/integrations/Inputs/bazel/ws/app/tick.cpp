#include "lib/alloc.h"
void tick() { grab(4); }
