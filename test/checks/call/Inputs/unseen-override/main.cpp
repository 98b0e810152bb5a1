// The program's entry: with it the run is a whole program, so no client
// class outside the run overrides 'Frame::size' or 'Base::get'.
#include "frames.h"
int measure(Frame &f) [[clang::nonblocking]];
int fetch(Base &b) [[clang::nonblocking]];
int main() {
  Fixed f;
  Derived d;
  return measure(f) + fetch(d);
}
