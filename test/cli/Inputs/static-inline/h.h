#include <stdlib.h>
static inline void drop(void *p) { free(p); }
