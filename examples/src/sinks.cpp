// Binary-frame and text implementations of the telemetry Sink interface.
#include "sensor_node/sink.hpp"

#include <cstdio>

#include "sensor_node/crc.h"
#include "sensor_node/format.hpp"
#include "sensor_node/sampler.hpp"

namespace sensor_node {

void FrameSink::publish(std::uint32_t tick, const std::int32_t* mv, std::size_t count) {
  length_ = 0;
  put(0xA5);  // start-of-frame marker
  put(static_cast<std::uint8_t>(tick >> 8));
  put(static_cast<std::uint8_t>(tick));
  for (std::size_t ch = 0; ch < count; ++ch) {
    const auto clamped = static_cast<std::uint16_t>(mv[ch] < 0 ? 0 : (mv[ch] > 0xFFFF ? 0xFFFF : mv[ch]));
    put(static_cast<std::uint8_t>(ch));
    put(static_cast<std::uint8_t>(clamped >> 8));
    put(static_cast<std::uint8_t>(clamped));
  }
  put(crc8(frame_.data(), length_));
  std::fputs("frame:", stdout);
  for (std::size_t i = 0; i < length_; ++i) {
    std::printf(" %02X", static_cast<unsigned>(frame_[i]));
  }
  std::fputc('\n', stdout);
}

void TextSink::publish(std::uint32_t tick, const std::int32_t* mv, std::size_t count) {
  line_ = "report @" + std::to_string(tick) + ":";
  for (std::size_t ch = 0; ch < count && ch < kChannels.size(); ++ch) {
    line_.append(" ").append(kChannels[ch].name.data(), kChannels[ch].name.size()).append("=");
    line_ += format_millivolts(mv[ch]);
  }
  line_ += '\n';
  std::fputs(line_.c_str(), stdout);
}

}  // namespace sensor_node
