#include <vector>
void external();
int f(const std::vector<int> &V) {
  external();
  return V.at(0);
}
