// Task types whose coroutines test/semantics/coroutine-elsewhere.cpp
// resumes and another unit defines.
#pragma once
#include "coroutine-promise.h"

struct RemoteLoud {
  struct promise_type : Promise<RemoteLoud> {};
  std::coroutine_handle<promise_type> H;
};
struct RemoteQuiet {
  struct promise_type : Promise<RemoteQuiet> {};
  std::coroutine_handle<promise_type> H;
};
RemoteLoud remoteLoud();
RemoteQuiet remoteQuiet();
