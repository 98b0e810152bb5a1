// A channel whose callbacks other units fill: callable-member.cpp calls
// them, callable-member-fill.cpp stores them.
#include <functional>
#include <memory>
#include <utility>

struct Channel {
  using Callback = std::function<void()>;
  void setRead(Callback cb) { read_ = std::move(cb); }
  void setWrite(const Callback &cb) { write_ = cb; }
  void handleRead() {
    if (read_)
      read_();
  }
  void handleWrite() {
    if (write_)
      write_();
  }
  void handleError() {
    if (error_)
      error_();
  }
  Callback read_;
  Callback write_;
  Callback error_;
};

// A timer std::make_shared builds: library code passes the callback to
// the constructor, where noalloc does not follow it. Its twin, an alarm,
// is built by user code only.
struct Timer {
  explicit Timer(Channel::Callback cb) : cb_(std::move(cb)) {}
  void run() { cb_(); }
  Channel::Callback cb_;
};
struct Alarm {
  explicit Alarm(Channel::Callback cb) : cb_(std::move(cb)) {}
  void run() { cb_(); }
  Channel::Callback cb_;
};

void fill(Channel &c);
std::shared_ptr<Timer> makeTimer();
Alarm makeAlarm();
