// Signal processing.
#include "audio.h"

void mix(float *out, const float *in, int frames) {
  if (frames > 512) {
    log_overrun(frames);
    return;
  }
  for (int i = 0; i < frames; ++i)
    out[i] += in[i];
}

float *unused_delay_line(int n) { return new float[n]; }
