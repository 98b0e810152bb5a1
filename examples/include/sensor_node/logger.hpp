// Levelled text logger that writes through a board-supplied output function.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace sensor_node {

enum class Level : std::uint8_t { Debug = 0, Info = 1, Warn = 2, Error = 3 };

inline constexpr std::array<const char*, 4> kLevelNames{{"DEBUG", "INFO", "WARN", "ERROR"}};

inline const char* level_name(Level level) { return kLevelNames[static_cast<std::size_t>(level) & 3u]; }

class Logger {
public:
  using WriteFn = void (*)(const char* data, std::size_t len);

  explicit Logger(WriteFn write, Level min_level = Level::Info) : write_(write), min_level_(min_level) {}

  void set_level(Level level) { min_level_ = level; }

  // Formats "LEVEL: message (value)" and hands it to the output function.
  void log(Level level, std::string_view message, std::int32_t value);

  // Writes pre-formatted text unchanged, regardless of level.
  void write_raw(std::string_view text) { write_(text.data(), text.size()); }

private:
  WriteFn write_;
  Level min_level_;
};

}  // namespace sensor_node
