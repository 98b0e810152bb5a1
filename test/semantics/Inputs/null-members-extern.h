// Globals that null-members-extern.cpp reads: the 'lib' ones are defined
// in no analysed file (the oracle defines them with an allocating
// function), the 'app' ones in null-members-extern-app.cpp, null.
#include <vector>

using Handler = int (*)(int);

struct LibHooks {
  Handler run = nullptr;
};
struct AppHooks {
  Handler run = nullptr;
};
struct LibItem {
  Handler run = nullptr;
};
struct AppItem {
  Handler run = nullptr;
};
struct LibCell {
  Handler run = nullptr;
};
struct AppCell {
  Handler run = nullptr;
};

extern LibHooks libHooks;
extern AppHooks appHooks;
extern Handler libHook;
extern Handler appHook;
extern std::vector<LibItem> libItems;
extern std::vector<AppItem> appItems;
extern const LibCell libCells[1];
extern const AppCell appCells[1];
