#include <cstddef>
extern "C" void *pvPortMalloc(std::size_t);
inline void *grab() { return pvPortMalloc(8); }
