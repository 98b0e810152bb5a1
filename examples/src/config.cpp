// Boot-time configuration: defaults, key=value overrides, validation and ADC calibration.
#include "sensor_node/config.hpp"

#include <array>
#include <cstdlib>
#include <map>
#include <memory>
#include <numeric>
#include <stdexcept>
#include <string>
#include <string_view>

namespace sensor_node {
namespace {

using Settings = std::map<std::string, int>;

// Per-code offset correction for the ADC front end; too large for the boot stack.
struct CalibrationTable {
  std::array<std::int16_t, 4096> offset{};
};

std::unique_ptr<CalibrationTable> build_calibration(int trim) {
  auto table = std::make_unique<CalibrationTable>();
  for (std::size_t code = 0; code < table->offset.size(); ++code) {
    table->offset[code] = static_cast<std::int16_t>(trim + static_cast<int>(code / 1024));
  }
  return table;
}

int require(const Settings& settings, const char* key, int min, int max) {
  const auto it = settings.find(key);
  if (it == settings.end() || it->second < min || it->second > max) {
    throw std::runtime_error(std::string("config: missing or out-of-range value for ") + key);
  }
  return it->second;
}

}  // namespace

Config load_config(const char* const* lines, std::size_t count) {
  Settings settings{{"rate_hz", 100}, {"low_batt_mv", 3300}, {"report_every", 500}, {"log_level", 1}, {"adc_trim", 0}};
  for (std::size_t i = 0; i < count; ++i) {
    const std::string_view line(lines[i]);
    const std::size_t eq = line.find('=');
    if (eq == std::string_view::npos || eq == 0) {
      throw std::runtime_error("config: expected key=value");
    }
    const std::string value(line.substr(eq + 1));
    char* end = nullptr;
    const long parsed = std::strtol(value.c_str(), &end, 10);
    if (end == value.c_str() || *end != '\0') {
      throw std::runtime_error("config: not a number: " + value);
    }
    settings[std::string(line.substr(0, eq))] = static_cast<int>(parsed);
  }
  Config cfg;
  cfg.sample_rate_hz = static_cast<std::uint32_t>(require(settings, "rate_hz", 1, 1000));
  cfg.low_battery_mv = require(settings, "low_batt_mv", 2500, 4200);
  cfg.report_every = static_cast<std::uint32_t>(require(settings, "report_every", 1, 10000));
  cfg.log_level = static_cast<Level>(require(settings, "log_level", 0, 3));
  const auto calibration = build_calibration(require(settings, "adc_trim", -64, 64));
  const auto& offsets = calibration->offset;
  cfg.adc_offset = std::accumulate(offsets.begin(), offsets.end(), 0) / static_cast<int>(offsets.size());
  return cfg;
}

}  // namespace sensor_node
