// A library whose failure path is a member function that does not return:
// what its arguments build (a message) is made only to fail.
#pragma GCC system_header
#include <stdexcept>
#include <string>

namespace lib {
struct Reporter {
  [[noreturn]] void fail(const std::string &Why) {
    throw std::runtime_error(Why);
  }
  // Returns: its argument is built on every call.
  int note(const std::string &What) { return static_cast<int>(What.size()); }
  [[noreturn]] void operator()(const std::string &Why) { fail(Why); }
};

inline int checked(int V) {
  if (V < 0)
    Reporter().fail(std::string(40, 'x'));
  return V;
}
inline int guarded(int V) {
  if (V < 0)
    Reporter()(std::string(40, 'y'));
  return V;
}
inline int noted(int V) { return V + Reporter().note(std::string(40, 'z')); }
} // namespace lib
