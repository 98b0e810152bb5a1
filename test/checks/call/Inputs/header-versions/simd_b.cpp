#include "simd.hpp"
int lanes_b(int x) { return lanes_gt(_mm_setzero_si128(), _mm_set1_epi8(x)); }
