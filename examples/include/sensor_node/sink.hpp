// Telemetry sinks: where the periodic channel reports are delivered.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

namespace sensor_node {

class Sink {
public:
  // Publishes one report: `count` channel averages in millivolts, in channel order.
  virtual void publish(std::uint32_t tick, const std::int32_t* mv, std::size_t count) = 0;

protected:
  ~Sink() = default;
};

// Packs readings into a fixed binary frame protected by CRC-8.
class FrameSink final : public Sink {
public:
  void publish(std::uint32_t tick, const std::int32_t* mv, std::size_t count) override;

private:
  void put(std::uint8_t byte) { if (length_ < frame_.size()) frame_[length_++] = byte; }

  std::array<std::uint8_t, 24> frame_{};
  std::size_t length_ = 0;
};

// Human-readable report line for the debug UART.
class TextSink final : public Sink {
public:
  void publish(std::uint32_t tick, const std::int32_t* mv, std::size_t count) override;

private:
  std::string line_;
};

}  // namespace sensor_node
