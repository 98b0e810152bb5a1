#include "h.h"
void use3(void *p) { drop(p); }
