#include "shared.hpp"
void *heap_shared() { return shared_buffer(16); }
