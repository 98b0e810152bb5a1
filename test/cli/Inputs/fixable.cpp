#include <vector>
int sum() {
  std::vector<int> counts(8);
  int s = 0;
  for (int c : counts)
    s += c;
  return s;
}
