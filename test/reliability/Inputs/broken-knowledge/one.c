#include <stdlib.h>
void *one(void) { return malloc(1); }
