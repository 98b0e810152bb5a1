#define BUFFER_NO_HEAP
#include "buffer.h"
void *quiet_buffer(void) { return get_buffer(16); }

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN { ORACLE_NO_HEAP("quiet_buffer", quiet_buffer()); }
#endif
