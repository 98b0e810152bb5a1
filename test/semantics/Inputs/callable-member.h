// A channel whose callbacks other units fill: callable-member.cpp calls
// them, callable-member-fill.cpp stores them.
#include <functional>
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

void fill(Channel &c);
