#include <stdint.h>
#define CODEC_API extern
int checksum(const uint8_t *p, int n);
static inline int twice(int x) { return 2 * x; }
