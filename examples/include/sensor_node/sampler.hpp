// Periodic ADC sampling with a per-channel moving-average window.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "sensor_node/ring_buffer.hpp"

namespace sensor_node {

class Logger;
class AdcDriver;

struct ChannelInfo { std::string_view name; std::uint16_t full_scale_mv; };

inline constexpr std::array<ChannelInfo, 3> kChannels{{{"vbat", 5000}, {"temp", 3300}, {"light", 3300}}};
inline constexpr std::uint16_t kAdcMaxCode = 4095;

constexpr std::int32_t raw_to_mv(std::uint32_t raw, std::uint16_t full_scale_mv) {
  return static_cast<std::int32_t>(raw * full_scale_mv / kAdcMaxCode);
}

class Sampler {
public:
  static constexpr std::size_t kChannelCount = kChannels.size();
  static constexpr std::size_t kWindow = 16;

  explicit Sampler(Logger& logger, std::int32_t adc_offset = 0);

  // Reads every channel once; returns false if any channel delivered a bad sample.
  bool tick();

  std::int32_t average_mv(std::size_t channel) const;
  // Writes the moving average of up to `count` channels to `out_mv`; returns how many.
  std::size_t averages_mv(std::int32_t* out_mv, std::size_t count) const;
  std::uint32_t ticks() const { return ticks_; }
  std::uint32_t faults() const { return faults_; }

private:
  AdcDriver& adc_;
  Logger& logger_;
  std::int32_t adc_offset_;
  std::array<RingBuffer<std::uint16_t, kWindow>, kChannelCount> windows_{};
  std::array<std::uint32_t, kChannelCount> sums_{};
  std::uint32_t ticks_ = 0;
  std::uint32_t faults_ = 0;
};

}  // namespace sensor_node
