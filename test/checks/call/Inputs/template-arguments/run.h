#include <stdlib.h>
template <class F> void run(F f) { f(); }
template <void (*F)()> void call() { F(); }
template <class T> void make() { T().go(); }
