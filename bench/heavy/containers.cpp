// Benchmark input: a translation unit that includes most of the standard
// library, as large C++ code bases do, and uses a little of it.
#include <algorithm>
#include <any>
#include <array>
#include <chrono>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <numeric>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <variant>
#include <vector>

namespace inventory {

struct Item {
  std::string name;
  int quantity = 0;
  double price = 0;
};

class Store {
public:
  void add(Item item) { items_[item.name] = std::move(item); }
  std::optional<Item> find(std::string_view name) const {
    auto it = items_.find(std::string(name));
    if (it == items_.end())
      return std::nullopt;
    return it->second;
  }
  double total() const {
    return std::accumulate(items_.begin(), items_.end(), 0.0,
                           [](double sum, const auto &entry) {
                             return sum + entry.second.price *
                                              entry.second.quantity;
                           });
  }
  std::vector<std::string> names() const {
    std::vector<std::string> result;
    for (const auto &[name, item] : items_)
      result.push_back(name);
    std::sort(result.begin(), result.end());
    return result;
  }

private:
  std::map<std::string, Item> items_;
};

std::string report(const Store &store) {
  std::ostringstream out;
  for (const std::string &name : store.names())
    out << name << '\n';
  out << store.total();
  return out.str();
}

bool valid(const std::string &code) {
  static const std::regex pattern("[A-Z]{3}-[0-9]{4}");
  return std::regex_match(code, pattern);
}

int fixedCapacity(const std::array<int, 16> &samples) {
  int best = 0;
  for (int s : samples)
    best = std::max(best, s);
  return best;
}

} // namespace inventory
