// The same specialization, instantiated implicitly.
#include "sink.h"
int run() {
  stdout_sink<int> s(1);
  return s.mode_;
}
int main() { return run(); }
