#include <cstdlib>

// An inline function of external linkage: the linker keeps one unit's
// body for every caller, whichever it picks.
inline void *shared_buffer(std::size_t n) {
#ifdef BUFFER_NO_HEAP
  (void)n;
  return nullptr;
#else
  return std::malloc(n);
#endif
}
