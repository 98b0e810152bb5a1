// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-coroutine' %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// The same findings through clang-tidy and the plugin:
// RUN: %expect-exit 0 %clang-tidy-noalloc -checks='-*,noalloc-coroutine' %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// With every check on, the frame is still one finding, not an operator new;
// calling a coroutine is a call that allocates.
// RUN: %expect-exit 1 %noalloc %s -- -std=c++20 \
// RUN:   | FileCheck %s --check-prefixes=CHECK,ALL --implicit-check-not='{{warning|error|note}}:'
// Before C++20 the check does not apply.
// RUN: %expect-exit 0 %noalloc --checks='-*,noalloc-coroutine' %S/Inputs/plain.cpp -- -std=c++17

#include <coroutine>
#include <cstddef>

struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

// A promise type with its own operator new: frames come from a pool.
struct PooledTask {
  struct promise_type {
    static void *operator new(std::size_t size);
    static void operator delete(void *p, std::size_t size);
    PooledTask get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

Task poll() {
  // CHECK: coroutine.cpp:[[@LINE-1]]:6: warning: coroutine 'poll' allocates its frame on the heap [noalloc-coroutine]
  co_await std::suspend_never{};
}

struct Device {
  Task run();
};
Task Device::run() {
  // CHECK: coroutine.cpp:[[@LINE-1]]:14: warning: coroutine 'Device::run' allocates its frame on the heap [noalloc-coroutine]
  co_return;
}

void lambdas() {
  auto body = []() -> Task { co_return; };
  // CHECK: coroutine.cpp:[[@LINE-1]]:15: warning: lambda coroutine allocates its frame on the heap [noalloc-coroutine]
  body();
  // ALL: coroutine.cpp:[[@LINE-1]]:3: warning: call to 'lambda at coroutine.cpp:[[@LINE-3]]:15' may allocate on the heap [noalloc-call]
  // ALL: coroutine.cpp:[[@LINE-4]]:28: note: 'lambda at coroutine.cpp:[[@LINE-4]]:15' allocates its coroutine frame here
}

// Negative twins.
PooledTask pooled() { co_return; }
Task notACoroutine() { return {}; }
