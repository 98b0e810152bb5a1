// A second unit that includes enable-if-overloads.h and calls its quiet
// overload.
#include "enable-if-overloads.h"

[[clang::annotate("noalloc")]] int other_quiet() { return pick(0); }
