// The twin: another unit that only sets the pointers to null and adds no
// override; the program's 'main' (a library's functions are its clients'
// to call, a program's are not), which calls every function of the
// program that is no root: one that nothing calls would be open to
// callers outside the run, and the program no whole program.
#include "hook.h"
void disarm() { hook.fire = nullptr; }
int main() {
  disarm();
  Writer w;
  setWriter(w, nullptr);
  return 0;
}
