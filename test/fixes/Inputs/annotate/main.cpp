#include "mixer.h"

float process(Mixer &m, float *buf, std::size_t n) {
  m.mix(buf, buf, n);
  return scaled(m.peak(), 0.5f) + float(Mixer::clampIndex(3, 4));
}

float viaVirtual(const Mixer &m) { return m.level(); }

float viaPointer(float (*f)(float, float)) { return f(1, 2); }

void keep(Mixer &m) { m.record(logged(1)); }

// Allocation-free, but clang's check refuses a thread-local variable: it
// stays unannotated, and so does its caller.
static int counter() {
  thread_local int n = 0;
  return ++n;
}
int tick() { return counter(); }

// A static local with a dynamic initializer: nonallocating, not nonblocking.
int first(int a) {
  static int seen = a;
  return seen;
}
