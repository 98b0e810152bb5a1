// A bus whose handlers other units add: callable-elements.cpp calls them,
// callable-elements-fill.cpp adds them.
#include <array>
#include <functional>
#include <vector>

struct Bus {
  using Handler = std::function<void()>;
  void eachQuiet() {
    for (auto &h : quiet_)
      h();
  }
  void eachLoud() {
    for (const Handler &h : loud_)
      h();
  }
  void quietAt(unsigned i) { quiet_[i](); }
  void loudAt(unsigned i) { loud_.at(i)(); }
  void lentAt(unsigned i) { lent_[i](); }
  void tableAt(unsigned i) { table_[i](); }
  std::vector<Handler> quiet_;
  std::vector<Handler> loud_;
  std::vector<Handler> lent_;
  std::array<Handler, 2> table_;
};

void fill(Bus &b);
void refill(std::vector<Bus::Handler> &handlers);
std::function<void()> makeQuiet();
