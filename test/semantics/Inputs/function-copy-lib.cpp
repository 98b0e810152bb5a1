// Hands out a std::function holding a callable too big for its buffer
// (eight longs captured, 64 bytes).
#include "function-copy.h"

std::function<void()> handed() {
  long words[8] = {1, 2, 3, 4, 5, 6, 7, 8};
  return [words] { (void)words[0]; };
}
