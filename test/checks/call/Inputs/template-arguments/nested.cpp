#include <stdlib.h>
template <class F> void wrap(F f) { auto g = [&] { f(); }; g(); }
int mixed(int n) {
  wrap([&n] { ++n; });
  wrap([] { free(malloc(4)); });
  return n;
}
int quiet(int n) {
  wrap([&n] { ++n; });
  return n;
}
