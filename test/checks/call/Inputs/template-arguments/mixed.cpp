#include "inline.h"
int mixed(int n) {
  run([&n] { ++n; });
  run([] { free(malloc(4)); });
  return n;
}
int use_header(int n) { return in_header(n); }
