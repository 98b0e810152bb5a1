#include "null-members-extern.h"

AppHooks appHooks;
Handler appHook = nullptr;
std::vector<AppItem> appItems(1);
const AppCell appCells[1] = {};

// The program's 'main': the run is a whole program, whose only writers of
// 'appHooks', 'appHook', 'appItems' and 'appCells' are its units.
#ifndef NOALLOC_ORACLE
void copyAll();
void resetHooks();
int main() {
  copyAll();
  resetHooks();
  return 0;
}
#endif
