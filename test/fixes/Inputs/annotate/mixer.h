#ifndef MIXER_H
#define MIXER_H

#include <cstddef>

struct Gain {
  float factor = 1.0f;
  float apply(float x) const noexcept;
  float twice(float x) const { return apply(apply(x)); }
};

class Mixer {
public:
  Mixer();
  ~Mixer();
  void mix(float *out, const float *in, std::size_t n);
  auto peak() const -> float;
  virtual float level() const;
  void record(float x);
  static int clampIndex(int i, int n);

private:
  Gain gain_;
  float peak_ = 0;
  float *history_ = nullptr;
};

float scaled(float x, float by);
float logged(float x);

#endif
