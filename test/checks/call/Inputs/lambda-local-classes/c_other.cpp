// Another program's 'pick', with a lambda of its own.
#include <cstdlib>
struct View { const char *s; };
struct Out { const char *a, *b, *c; };
inline Out pick() {
  const char *a = [] { struct Name { operator View() const { return {"z"}; } }; return View(Name()).s; }();
  return {a, a, a};
}
int other() { return pick().a[0]; }
