#include "h.h"
void use1(void *p) { drop(p); }
