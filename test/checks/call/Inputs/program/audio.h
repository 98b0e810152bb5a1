// The audio engine's interface, shared by its translation units.
#pragma once

void mix(float *out, const float *in, int frames);
void log_overrun(int frames);
void dma_kick(); // Implemented in assembly: no body anywhere.
int *scratch_init(int size);
void process(float *out, const float *in, int frames);
