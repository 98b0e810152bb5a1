// The program's 'main' for null-members.cpp analysed without
// null-members-arm.cpp: the run is a whole program, whose only writer of
// the hooks is null-members.cpp.
#include "null-members.h"

void setup(Hooks &h);
int main() {
  Hooks h;
  setup(h);
  return 0;
}
