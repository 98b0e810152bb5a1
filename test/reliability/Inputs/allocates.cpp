#include <stdlib.h>
void *grab() { return malloc(16); }
