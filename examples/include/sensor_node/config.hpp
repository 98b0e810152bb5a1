// Boot-time configuration of the sensor node.
#pragma once

#include <cstddef>
#include <cstdint>

#include "sensor_node/logger.hpp"

namespace sensor_node {

struct Config {
  std::uint32_t sample_rate_hz = 100;
  std::int32_t low_battery_mv = 3300;
  std::uint32_t report_every = 500;
  Level log_level = Level::Info;
  std::int32_t adc_offset = 0;
};

// Applies "key=value" overrides to the defaults; throws std::runtime_error on bad input.
Config load_config(const char* const* lines, std::size_t count);

}  // namespace sensor_node
