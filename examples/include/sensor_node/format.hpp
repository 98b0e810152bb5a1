// Human-readable formatting helpers for measured values.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

namespace sensor_node {

// Renders a millivolt reading as volts, e.g. 3300 -> "3.300 V".
inline std::string format_millivolts(std::int32_t mv) {
  char buf[24];
  const long magnitude = mv < 0 ? -static_cast<long>(mv) : static_cast<long>(mv);
  const int n = std::snprintf(buf, sizeof buf, "%s%ld.%03ld V", mv < 0 ? "-" : "", magnitude / 1000, magnitude % 1000);
  return std::string(buf, n > 0 ? static_cast<std::size_t>(n) : 0u);
}

}  // namespace sensor_node
