// Stores a callable too big for a std::function's buffer (eight longs
// captured: 64 bytes, more than libstdc++'s 16 and libc++'s 24). This unit
// also destroys and copies such std::functions: 'dropHere' only destroys
// one (releases), 'copyRun' copies one (allocates: the copy of the
// callable is made on the heap).
#include "function-destruction.h"

#define ROOT [[clang::annotate("noalloc")]]

void fill(Job &j) {
  long words[8] = {1, 2, 3, 4, 5, 6, 7, 8};
  std::function<void()> run = [words] { (void)words[0]; };
  j.run = std::move(run);
}

ROOT void dropHere(Job &j) { std::function<void()> gone(std::move(j.run)); }

ROOT void copyRun(const Job &from, Job &into) { into.run = from.run; }
