#include "mixer.h"
#include <algorithm>
#include <cmath>
#include <cstring>

float Gain::apply(float x) const noexcept { return x * factor; }

Mixer::Mixer() {}

Mixer::~Mixer() { delete[] history_; }

void Mixer::mix(float *out, const float *in, std::size_t n) {
  std::memcpy(out, in, n * sizeof(float));
  for (std::size_t i = 0; i < n; ++i) {
    out[i] = gain_.twice(out[i]);
    peak_ = std::max(peak_, std::fabs(out[i]));
  }
}

auto Mixer::peak() const -> float { return peak_; }

float Mixer::level() const { return peak_; }

void Mixer::record(float x) {
  if (!history_)
    history_ = new float[64];
  history_[0] = x;
}

int Mixer::clampIndex(int i, int n) { return std::clamp(i, 0, n - 1); }

template <typename T> static T square(T x) { return x * x; }

float scaled(float x, float by) {
  auto times = [by](float v) { return v * by; };
  return times(square(x));
}

float logged(float x) {
  Mixer *m = new Mixer;
  m->record(x);
  float p = m->peak();
  delete m;
  return p;
}
