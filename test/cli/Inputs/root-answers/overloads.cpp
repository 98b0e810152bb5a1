// Two overloads of one root (root-answers.test).
#include <cstring>
#include <string>

struct Key {
  int compare(const char *a, const char *b) const { return std::strcmp(a, b); }
  int compare(const char *a, int n) const { return std::string(a, n).size() > 3; }
};
