#include "run.h"
inline int in_header(int n) {
  run([&n] { ++n; });
  run([] { free(malloc(4)); });
  return n;
}
