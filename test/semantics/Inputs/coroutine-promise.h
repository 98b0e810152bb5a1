// What the promise types of the coroutine tests share: a coroutine that
// starts suspended and suspends at its end.
#pragma once
#include <coroutine>

template <class Task> struct Promise {
  Task get_return_object() {
    using Own = typename Task::promise_type;
    return {std::coroutine_handle<Own>::from_promise(static_cast<Own &>(*this))};
  }
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void return_void() {}
  void unhandled_exception() {}
};
