//===--- Progress.cpp - "[3/120] audio.cpp 00:04" on the terminal ---------===//

#include "Progress.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdio>

using namespace llvm;

namespace noalloc {

Progress::Progress(size_t Total, bool Enabled)
    : Total(Total), Enabled(Enabled && sys::Process::StandardErrIsDisplayed()),
      Start(std::chrono::steady_clock::now()) {}

/// "mm:ss".
static std::string clock(double Seconds) {
  unsigned S = unsigned(Seconds);
  char Buffer[16];
  snprintf(Buffer, sizeof Buffer, "%02u:%02u", S / 60, S % 60);
  return Buffer;
}

void Progress::update(unsigned Done, StringRef File) {
  if (!Enabled)
    return;
  std::lock_guard<std::mutex> Lock(Mutex);
  double Elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
          .count();
  std::string Line = formatv("[{0}/{1}] {2} {3}", Done, Total,
                             sys::path::filename(File), clock(Elapsed));
  if (Done > 0 && Done < Total)
    Line += " (about " + clock(Elapsed / Done * (Total - Done)) + " left)";
  errs() << "\r\x1b[K" << Line;
  errs().flush();
}

void Progress::finish() {
  if (Enabled)
    errs() << "\r\x1b[K";
}

} // namespace noalloc
