// Firmware entry point: start-up initialisation, then the steady-state sampling loop.
#include <array>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <string_view>

#include "sensor_node/command_parser.hpp"
#include "sensor_node/config.hpp"
#include "sensor_node/crc.h"
#include "sensor_node/format.hpp"
#include "sensor_node/logger.hpp"
#include "sensor_node/sampler.hpp"
#include "sensor_node/sink.hpp"

using namespace sensor_node;

namespace {

constexpr std::uint32_t kRunTicks = 1000;

// Overrides normally read from the configuration sector in flash.
constexpr const char* kBootConfig[] = {"rate_hz=200", "report_every=500", "adc_trim=-2", "log_level=1"};

// Console input replayed by the host build, keyed by the tick at which it arrives.
struct ConsoleLine { std::uint32_t tick; std::string_view text; };
constexpr std::array<ConsoleLine, 3> kConsoleScript{{{120, "avg 0"}, {480, "level 2"}, {750, "calibrate now"}}};

void uart_write(const char* data, std::size_t len) { std::fwrite(data, 1, len, stdout); }

void report(const Sampler& sampler, const std::array<Sink*, 2>& sinks) {
  std::array<std::int32_t, Sampler::kChannelCount> mv{};
  const std::size_t count = sampler.averages_mv(mv.data(), mv.size());
  for (Sink* sink : sinks) {
    sink->publish(sampler.ticks(), mv.data(), count);
  }
}

void execute(const Command& cmd, const Sampler& sampler, Logger& logger) {
  if (cmd.id == CommandId::Level) {
    logger.set_level(static_cast<Level>(cmd.arg));
    return;
  }
  char buf[48];
  const auto channel = static_cast<std::size_t>(cmd.arg);
  const long mv = sampler.average_mv(channel);
  const int n = std::snprintf(buf, sizeof buf, "avg %zu: %ld mV\n", channel, mv);
  if (n > 0 && n < static_cast<int>(sizeof buf)) {
    logger.write_raw(std::string_view(buf, static_cast<std::size_t>(n)));
  }
}

}  // namespace

int main() {
  // Init phase: everything that may allocate or fail happens here.
  if (crc_table_init() != 0) {
    std::fputs("crc: table self-test failed\n", stderr);
    return 1;
  }
  Config cfg;
  try {
    cfg = load_config(kBootConfig, sizeof kBootConfig / sizeof kBootConfig[0]);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
  Logger logger(&uart_write, cfg.log_level);
  Sampler sampler(logger, cfg.adc_offset);
  FrameSink frame_sink;
  TextSink text_sink;
  const std::array<Sink*, 2> sinks{&frame_sink, &text_sink};
  CommandParser console;
  std::printf("sensor_node: %lu Hz, low battery below %s\n", static_cast<unsigned long>(cfg.sample_rate_hz),
              format_millivolts(cfg.low_battery_mv).c_str());

  // Steady state: sample, report periodically, serve the console.
  std::size_t next_line = 0;
  for (std::uint32_t tick = 1; tick <= kRunTicks; ++tick) {
    sampler.tick();
    if (tick % cfg.report_every == 0) {
      report(sampler, sinks);
    }
    if (next_line < kConsoleScript.size() && kConsoleScript[next_line].tick == tick) {
      Command cmd;
      const ParseStatus status = console.parse(kConsoleScript[next_line++].text, cmd);
      if (status == ParseStatus::Ok) {
        execute(cmd, sampler, logger);
      } else {
        logger.log(Level::Warn, "console: rejected command, status", static_cast<std::int32_t>(status));
      }
    }
  }
  std::printf("sensor_node: done after %lu ticks, %lu faults\n", static_cast<unsigned long>(sampler.ticks()),
              static_cast<unsigned long>(sampler.faults()));
  return 0;
}
