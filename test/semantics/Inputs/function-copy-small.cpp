// Stores only a callable held in the std::function's own buffer (a
// pointer captured: trivially copyable, 8 bytes).
#include "function-copy.h"

static int ticks = 0;

void fillSmall(Task &t) {
  int *counter = &ticks;
  t.step = [counter] { ++*counter; };
}
