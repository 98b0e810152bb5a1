#include "sys_wrap.hpp"
void *sys_heap() { return wrapped_buffer(); }
