// Logger implementation: level filtering and message formatting.
#include "sensor_node/logger.hpp"

#include <string>

namespace sensor_node {

void Logger::log(Level level, std::string_view message, std::int32_t value) {
  if (level < min_level_) {
    return;
  }
  std::string line(level_name(level));
  line.append(": ").append(message.data(), message.size());
  line.append(" (").append(std::to_string(value)).append(")\n");
  write_(line.data(), line.size());
}

}  // namespace sensor_node
