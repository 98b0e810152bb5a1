// ADC driver (simulated on the host) and the sampling loop built on it.
#include "sensor_node/sampler.hpp"

#include <new>

#include "sensor_node/logger.hpp"

namespace sensor_node {

// One waveform period in raw ADC codes; the simulated inputs replay it.
constexpr std::array<std::uint16_t, 16> kWaveform{{2048, 2447, 2831, 3185, 3495, 3750, 3939, 4056,
                                                    4095, 4056, 3939, 3750, 3495, 3185, 2831, 2447}};

class AdcDriver {
public:
  explicit AdcDriver(std::uint32_t seed) : lcg_(seed) {}

  std::uint16_t read(std::size_t channel) {
    if (++conversions_ % 1024 == 0) {
      return 0xFFFF;  // the SPI link drops a conversion now and then
    }
    lcg_ = lcg_ * 1664525u + 1013904223u;
    const std::size_t phase = (conversions_ / kChannels.size() + channel * 5) % kWaveform.size();
    const std::uint32_t code = kWaveform[phase] / (channel + 1) + (lcg_ >> 29);
    return static_cast<std::uint16_t>(code > kAdcMaxCode ? kAdcMaxCode : code);
  }

private:
  std::uint32_t lcg_;
  std::uint32_t conversions_ = 0;
};

namespace {

alignas(AdcDriver) unsigned char g_adc_storage[sizeof(AdcDriver)];
AdcDriver* g_adc = nullptr;

AdcDriver& adc_instance() {
  if (g_adc == nullptr) {
    g_adc = new (g_adc_storage) AdcDriver(0xACE1u);
  }
  return *g_adc;
}

}  // namespace

Sampler::Sampler(Logger& logger, std::int32_t adc_offset)
    : adc_(adc_instance()), logger_(logger), adc_offset_(adc_offset) {}

bool Sampler::tick() {
  bool ok = true;
  for (std::size_t ch = 0; ch < kChannelCount; ++ch) {
    const std::uint16_t raw = adc_.read(ch);
    if (raw > kAdcMaxCode) {
      ++faults_;
      ok = false;
      logger_.log(Level::Warn, "adc: discarded out-of-range sample on channel", static_cast<std::int32_t>(ch));
      continue;
    }
    std::int32_t corrected = static_cast<std::int32_t>(raw) + adc_offset_;
    corrected = corrected < 0 ? 0 : (corrected > kAdcMaxCode ? kAdcMaxCode : corrected);
    std::uint16_t evicted = 0;
    if (windows_[ch].push(static_cast<std::uint16_t>(corrected), &evicted)) {
      sums_[ch] -= evicted;
    }
    sums_[ch] += static_cast<std::uint32_t>(corrected);
  }
  ++ticks_;
  return ok;
}

std::int32_t Sampler::average_mv(std::size_t channel) const {
  const auto& window = windows_[channel];
  return window.empty() ? 0 : raw_to_mv(sums_[channel] / window.size(), kChannels[channel].full_scale_mv);
}

std::size_t Sampler::averages_mv(std::int32_t* out_mv, std::size_t count) const {
  const std::size_t n = count < kChannelCount ? count : kChannelCount;
  for (std::size_t ch = 0; ch < n; ++ch) {
    out_mv[ch] = average_mv(ch);
  }
  return n;
}

}  // namespace sensor_node
