// An inline function that calls the system header's sys_buffer: the units
// that compile it apart give it two bodies.
#include <sysbuf.h>
inline void *wrapped_buffer() { return sys_buffer(16); }
