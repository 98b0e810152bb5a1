// Fills the callbacks of callable-member.h: a lambda that counts, a bound
// member function that allocates, and a std::function made by a function,
// which noalloc does not follow; a timer that std::make_shared builds
// with a callback that allocates, and an alarm with one that counts.
#include "callable-member.h"
#include <vector>

namespace {
struct Log {
  int lines = 0;
  void record() {
    std::vector<int> line(64);
    lines += line[0] + 1;
  }
};
Log journal;
int reads = 0;

std::function<void()> makeHandler() {
  return [] { std::vector<int> trace(32); };
}
} // namespace

void fill(Channel &c) {
  c.setRead([] { ++reads; });
  c.setWrite(std::bind(&Log::record, &journal));
  c.error_ = makeHandler();
}

std::shared_ptr<Timer> makeTimer() {
  return std::make_shared<Timer>([] { std::vector<int> trace(16); });
}

Alarm makeAlarm() {
  return Alarm([] { ++reads; });
}
