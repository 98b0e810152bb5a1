#include "lib/alloc.h"
#include <cstdlib>
void *grab(int n) { return std::malloc(n); }
int *fresh() { return new int(1); }
