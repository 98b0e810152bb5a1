#include "simd.hpp"
int lanes_a(int x) { return lanes_gt(_mm_set1_epi8(x), _mm_setzero_si128()); }

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN { ORACLE_NO_HEAP("lanes_a", lanes_a(3)); }
#endif
