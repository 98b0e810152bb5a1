// Three lambdas of one inline function each define a local class of the
// same name (what {fmt}'s FMT_STRING("...") expands to); the third
// allocates.
#include <cstdlib>
struct View { const char *s; };
struct Out { const char *a, *b, *c; };
inline Out pick() {
  const char *a = [] { struct Name { operator View() const { return {"a"}; } }; return View(Name()).s; }();
  const char *b = [] { struct Name { operator View() const { return {"b"}; } }; return View(Name()).s; }();
  const char *c = [] { struct Name { operator View() const { std::free(std::malloc(8)); return {"c"}; } }; return View(Name()).s; }();
  return {a, b, c};
}
