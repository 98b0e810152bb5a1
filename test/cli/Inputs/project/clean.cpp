#include <array>
#include <string_view>

int sum(const std::array<int, 4> &values, std::string_view name) {
  int total = static_cast<int>(name.size());
  for (int v : values)
    total += v;
  return total;
}
