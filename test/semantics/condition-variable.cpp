// Notifying a std::condition_variable uses no heap, and neither does
// waiting on it (measured by the oracle below with libstdc++ and libc++:
// a thread sets the flag and notifies), so the knowledge base lists
// notify_one and notify_all 'none' and wait 'allocates-on-failure' (libc++
// throws std::system_error when pthread_cond_wait fails): a root that
// notifies is clean even under Policy: strict, which counts every
// unlisted library function as allocating; one that waits may allocate
// only when it fails. The lock is the caller's: taking it is not measured.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json \
// RUN:   --config="{CheckOptions: {Roots: 'signal_one;signal_all;await_ready;announce'}}" %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json \
// RUN:   --config="{CheckOptions: {Roots: 'signal_one;signal_all;await_ready;announce'}}" %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %noalloc --checks='-*,noalloc-call' \
// RUN:   --config="{CheckOptions: {Roots: 'signal_one;signal_all', Policy: strict}}" %s -- -std=c++17 \
// RUN:   2>&1 | FileCheck %s --check-prefix=QUIET --implicit-check-not='{{warning|error}}:'
// RUN: %noalloc --checks='-*,noalloc-call' \
// RUN:   --config="{CheckOptions: {Roots: 'signal_one;signal_all', Policy: strict}}" %s -- -std=c++17 -stdlib=libc++ \
// RUN:   2>&1 | FileCheck %s --check-prefix=QUIET --implicit-check-not='{{warning|error}}:'
// QUIET: noalloc: 0 findings in 1 file
// RUN: %oracle %s -- -std=c++17

#include <condition_variable>
#include <mutex>
#include <string>

std::mutex m;
std::condition_variable cv;
bool ready = false;

void signal_one() { cv.notify_one(); }
void signal_all() { cv.notify_all(); }
void await_ready(std::unique_lock<std::mutex> &lock) {
  cv.wait(lock, [] { return ready; });
}
// The negative twin: a notification that builds its message.
std::size_t announce(const char *what) {
  std::string message = std::string("ready: ") + what + " and more than fifteen";
  cv.notify_all();
  return message.size();
}

// JSON: "name": "signal_one",
// JSON: "verdict": "none"
// JSON: "name": "signal_all",
// JSON: "verdict": "none"
// JSON: "name": "await_ready",
// JSON: "verdict": "allocates-on-failure"
// JSON: "name": "announce",
// JSON: "verdict": "allocates"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
#include <chrono>
#include <thread>
ORACLE_MAIN {
  ORACLE_NO_HEAP("signal_one", signal_one());
  ORACLE_NO_HEAP("signal_all", signal_all());
  ORACLE_ALLOCATES("announce", announce("the flag"));
  std::unique_lock<std::mutex> lock(m);
  std::thread notifier([] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    std::lock_guard<std::mutex> guard(m);
    ready = true;
    cv.notify_one();
  });
  // The notifier only sleeps, locks and notifies while this waits.
  ORACLE_NO_ALLOC("await_ready", await_ready(lock));
  lock.unlock();
  notifier.join();
}
#endif
