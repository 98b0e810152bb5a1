// A library's class with conversions to allocating types, included with
// -isystem: its calls are library calls noalloc-std-type reports.
#include <map>
#include <string>
#include <utility>

namespace sensors {
struct Reading {
  operator std::pair<std::string, int>() const { return {"t", 1}; }
  template <typename K, typename V> operator std::map<K, V>() const {
    return {};
  }
  int raw() const { return 1; }
};
} // namespace sensors
