// The user code that library functions called in library-other-unit.cpp
// run, defined in a unit of its own. With NOISY each allocates (and frees
// what it allocates); without, none does.
#include "library-other-unit.h"

int *leaked;

static void noise() {
#ifdef NOISY
  delete leaked;
  leaked = new int(1);
#endif
}

bool lessBoxed(int a, int b) {
  noise();
  return a < b;
}

int compareBoxed(const void *a, const void *b) {
  noise();
  return *static_cast<const int *>(a) - *static_cast<const int *>(b);
}

int compareQuiet(const void *a, const void *b) {
  return *static_cast<const int *>(a) - *static_cast<const int *>(b);
}

bool lessLong(long a, long b) { return a < b; }

void sortWith(std::vector<int> &v, Less less);
void sortLongs(std::vector<long> &v, LessLong less);
void sortBoxed(std::vector<int> &v) { sortWith(v, lessBoxed); }
void sortQuiet(std::vector<long> &v) { sortLongs(v, lessLong); }

Compare compareHook = compareBoxed;
Compare quietHook = compareQuiet;

void freeBoxed(int *p) {
  noise();
  delete p;
}

namespace {
struct Sink : std::streambuf {
  int_type overflow(int_type c) override {
    noise();
    return c;
  }
  std::streamsize xsputn(const char *s, std::streamsize n) override {
    noise();
    return n;
  }
};
} // namespace

std::streambuf &sink() {
  static Sink s;
  return s;
}

std::unique_ptr<int, Free> makeOwned() {
  return std::unique_ptr<int, Free>(new int(1), freeBoxed);
}

static void freeLong(long *p) { delete p; }

std::unique_ptr<long, FreeLong> makeOwnedLong() {
  return std::unique_ptr<long, FreeLong>(new long(1), freeLong);
}

std::shared_ptr<int> makeShared() {
  return std::shared_ptr<int>(new int(1), [](int *p) {
    noise();
    delete p;
  });
}

// The program's 'main': the run is a whole program, whose only writer of
// 'compareHook' and 'quietHook' is this unit.
#ifndef NOALLOC_ORACLE
int main() {
  std::vector<int> v{2, 1};
  std::vector<long> w{2, 1};
  sortBoxed(v);
  sortQuiet(w);
  sink().sputc('x');
  makeOwned();
  makeOwnedLong();
  makeShared();
  return 0;
}
#endif
