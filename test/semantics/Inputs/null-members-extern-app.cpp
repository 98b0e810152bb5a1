#include "null-members-extern.h"

AppHooks appHooks;
Handler appHook = nullptr;
std::vector<AppItem> appItems(1);
const AppCell appCells[1] = {};
