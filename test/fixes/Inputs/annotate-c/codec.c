#include "codec.h"
#include <stdlib.h>

int checksum(const uint8_t *p, int n) { int s = 0; for (int i = 0; i < n; i++) s += p[i]; return s; }

CODEC_API int scaled(int x)
{
  return twice(x);
}

static int
sum(int a,
    int b)
{
  return a + b + checksum(0, 0);
}

void *grab(int n) { return malloc(n); }

int total(int a) { return sum(a, scaled(a)); }

void release(void *p)
{
#ifdef WITH_HEAP
  free(p);
#else
  (void)p;
#endif
}
