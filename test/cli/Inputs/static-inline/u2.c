#include "h.h"
void use2(void *p) { drop(p); }
