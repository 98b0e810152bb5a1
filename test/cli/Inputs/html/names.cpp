// Names and source text the HTML report must escape: a template's
// arguments, operator<, operator&&, a literal operator (operator""_kb) and
// a string that looks like markup.
#include <stdlib.h>
#include <string.h>

template <typename T> struct Pool {
  T *take() { return new T[4]; }
};
struct Key {
  int v;
};

bool operator<(const Key &a, const Key &b) {
  return Pool<Key>().take() != nullptr && a.v < b.v;
}
bool operator&&(const Key &a, const Key &b) { return a < b; }
unsigned long long operator""_kb(unsigned long long n) {
  return (unsigned long long)(size_t)malloc(n * 1024);
}
char *markup() { return strdup("<script>alert(\"&amp;\")</script>"); }

void tick() {
  Key a{1}, b{2};
  (void)(a && b);
  (void)markup();
}
void sizes() { (void)(4_kb); }

int clean(int x) { return x + 1; }
