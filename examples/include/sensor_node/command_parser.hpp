// Parser for the line-oriented service console ("avg 0", "level 3").
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sensor_node {

enum class CommandId : std::uint8_t { Average, Level };
enum class ParseStatus : std::uint8_t { Ok, Empty, UnknownCommand, BadArgument };

struct Command {
  CommandId id = CommandId::Average;
  std::int32_t arg = 0;
};

class CommandParser {
public:
  static constexpr std::size_t kMaxTokens = 4;
  using Tokens = std::array<std::string_view, kMaxTokens>;

  // Splits `line` on blanks; returns the token count, or kMaxTokens + 1 on overflow.
  static std::size_t tokenize(std::string_view line, Tokens& tokens);

  // Parses one console line and records it in the command history.
  ParseStatus parse(std::string_view line, Command& out);

private:
  void remember(std::string_view line);

  std::vector<std::string> history_;
};

}  // namespace sensor_node
