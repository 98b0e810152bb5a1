//===--- Progress.h - "[3/120] audio.cpp 00:04" on the terminal -----------===//

#ifndef NOALLOC_TOOL_PROGRESS_H
#define NOALLOC_TOOL_PROGRESS_H

#include "llvm/ADT/StringRef.h"
#include <chrono>
#include <mutex>

namespace noalloc {

/// "[3/120] audio.cpp 00:04 (about 01:20 left)" on a terminal's last line;
/// nothing when standard error is not a terminal or \p Enabled is false.
class Progress {
public:
  Progress(size_t Total, bool Enabled);
  /// Thread-safe.
  void update(unsigned Done, llvm::StringRef File);
  /// Clears the line.
  void finish();

private:
  size_t Total;
  bool Enabled;
  std::chrono::steady_clock::time_point Start;
  std::mutex Mutex;
};

} // namespace noalloc

#endif // NOALLOC_TOOL_PROGRESS_H
