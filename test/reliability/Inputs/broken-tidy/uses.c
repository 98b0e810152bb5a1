#include <stdlib.h>
void *grab(void) { return malloc(16); }
