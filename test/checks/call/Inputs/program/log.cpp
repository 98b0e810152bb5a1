// Diagnostics.
#include "audio.h"
#include <string>

void log_overrun(int frames) {
  std::string message = "overrun: ";
  message += std::to_string(frames);
}
