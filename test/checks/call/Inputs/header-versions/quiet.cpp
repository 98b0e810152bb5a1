#define BUFFER_NO_HEAP
#include "shared.hpp"
void *quiet_shared() { return shared_buffer(16); }
