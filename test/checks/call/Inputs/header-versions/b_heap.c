#include "buffer.h"
void *heap_buffer(void) { return get_buffer(16); }

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN { ORACLE_ALLOCATES("heap_buffer", free(heap_buffer())); }
#endif
