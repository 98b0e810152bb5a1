#include <functional>

struct Task {
  std::function<void()> step;
};

// Stores a callable held in the std::function's own buffer.
void fillSmall(Task &t);
// Defined in function-copy-lib.cpp, which stores a callable too big for
// the buffer: a run without that unit does not see what it holds.
std::function<void()> handed();
