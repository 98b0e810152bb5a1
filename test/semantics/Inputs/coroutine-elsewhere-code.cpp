// The coroutines of test/semantics/coroutine-elsewhere.cpp.
#include "coroutine-elsewhere.h"
#include <cstdlib>

RemoteLoud remoteLoud() {
  std::free(std::malloc(16));
  co_return;
}
RemoteQuiet remoteQuiet() { co_return; }
