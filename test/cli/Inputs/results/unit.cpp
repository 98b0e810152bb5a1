#include <cstdlib>
#include <vector>
struct Sample {
  int Value = 0;
};
static void *grab() { return std::malloc(4); }
void *api() { return grab(); }
int once() {
  Sample *S = new Sample;
  int V = S->Value;
  delete S;
  return V;
}
struct Buffer {
  std::vector<int> Items;
};
