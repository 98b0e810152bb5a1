// The twin: another unit that only sets the pointer to null and adds no
// override.
#include "hook.h"
void disarm() { hook.fire = nullptr; }
