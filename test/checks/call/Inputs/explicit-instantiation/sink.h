#pragma once
#include <memory>
template <class Mutex> struct color_sink {
  virtual ~color_sink() = default;
  std::unique_ptr<int> formatter_;
};
template <class Mutex> struct stdout_sink : color_sink<Mutex> {
  explicit stdout_sink(int mode = 0) : mode_(mode) {}
  int mode_;
};
