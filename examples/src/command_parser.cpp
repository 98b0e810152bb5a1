// Service-console command parsing: tokenizer, argument decoding and history.
#include "sensor_node/command_parser.hpp"

#include <algorithm>
#include <charconv>

namespace sensor_node {
namespace {

struct CommandSpec {
  std::string_view name;
  CommandId id;
  std::int32_t max_arg;
};

constexpr std::array<CommandSpec, 2> kCommands{{{"avg", CommandId::Average, 2}, {"level", CommandId::Level, 3}}};
constexpr std::string_view kBlanks = " \t\r\n";

bool parse_int(std::string_view text, std::int32_t& value) {
  const char* const end = text.data() + text.size();
  const auto result = std::from_chars(text.data(), end, value);
  return result.ec == std::errc() && result.ptr == end;
}

}  // namespace

std::size_t CommandParser::tokenize(std::string_view line, Tokens& tokens) {
  std::size_t count = 0;
  for (std::size_t pos = line.find_first_not_of(kBlanks); pos != std::string_view::npos;
       pos = line.find_first_not_of(kBlanks, pos)) {
    if (count == kMaxTokens) {
      return kMaxTokens + 1;
    }
    const std::size_t end = std::min(line.find_first_of(kBlanks, pos), line.size());
    tokens[count++] = std::string_view(line.data() + pos, end - pos);
    pos = end;
  }
  return count;
}

ParseStatus CommandParser::parse(std::string_view line, Command& out) {
  Tokens tokens{};
  const std::size_t count = tokenize(line, tokens);
  if (count == 0) {
    return ParseStatus::Empty;
  }
  remember(line);
  for (const CommandSpec& spec : kCommands) {
    if (spec.name != tokens[0]) {
      continue;
    }
    out.id = spec.id;
    if (count != 2 || !parse_int(tokens[1], out.arg) || out.arg < 0 || out.arg > spec.max_arg) {
      return ParseStatus::BadArgument;
    }
    return ParseStatus::Ok;
  }
  return ParseStatus::UnknownCommand;
}

void CommandParser::remember(std::string_view line) {
  history_.push_back(std::string(line));
}

}  // namespace sensor_node
