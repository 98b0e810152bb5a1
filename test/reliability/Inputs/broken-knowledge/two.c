#include <stdlib.h>
void *two(void) { return malloc(2); }
