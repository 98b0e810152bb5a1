// Fixed-capacity ring buffer over std::array; overwrites the oldest element when full.
#pragma once

#include <array>
#include <cstddef>

namespace sensor_node {

template <typename T, std::size_t N>
class RingBuffer {
  static_assert(N > 0, "RingBuffer needs a non-zero capacity");

public:
  std::size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  bool full() const { return count_ == N; }

  // Appends a value; when full, the oldest value is dropped and stored in `*evicted`.
  bool push(const T& value, T* evicted = nullptr) {
    const bool overwrote = full();
    if (overwrote) {
      if (evicted != nullptr) {
        *evicted = items_[head_];
      }
      head_ = (head_ + 1) % N;
    } else {
      ++count_;
    }
    items_[(head_ + count_ - 1) % N] = value;
    return overwrote;
  }

private:
  std::array<T, N> items_{};
  std::size_t head_ = 0;
  std::size_t count_ = 0;
};

}  // namespace sensor_node
