#include "buffer.h"
void *other_heap_buffer(void) { return get_buffer(32); }
