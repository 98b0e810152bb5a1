// Adds the handlers of callable-elements.h: a lambda and a function that
// count to quiet_, a lambda and a function that allocate to loud_; lent_ is
// filled through a reference noalloc does not follow, and table_ is given
// a list of functions, one of which allocates.
#include "callable-elements.h"
#include <string>

namespace {
int counter = 0;
void count() { ++counter; }
void trace() { std::string line(100, 'x'); }
} // namespace

void refill(std::vector<Bus::Handler> &handlers) {
  handlers.push_back([] { std::vector<int> trace(8); });
}

void fill(Bus &b) {
  b.quiet_.push_back([] { ++counter; });
  b.quiet_.emplace_back(count);
  b.loud_.emplace_back([] { std::vector<int> trace(32); });
  b.loud_.push_back(trace);
  b.lent_.push_back(count);
  refill(b.lent_);
  b.table_ = {count, trace};
}

std::function<void()> makeQuiet() {
  return [] { ++counter; };
}
