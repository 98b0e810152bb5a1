// An inline function over SSE2 intrinsics, which <emmintrin.h> defines
// static inline: every unit that includes this compiles the same body.
#include <emmintrin.h>

inline int lanes_gt(__m128i a, __m128i b) {
  return _mm_movemask_epi8(_mm_cmpgt_epi8(a, b));
}
