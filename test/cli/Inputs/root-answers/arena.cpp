// A root whose helper takes memory from a bounded memory resource.
#include <cstddef>
#include <memory_resource>
#include <vector>

static std::byte Buffer[256];

static void fill(std::pmr::vector<int> &V, int N) {
  for (int I = 0; I < N; ++I)
    V.push_back(I);
}

[[clang::annotate("noalloc")]] int frame(int N) {
  std::pmr::monotonic_buffer_resource Arena(
      Buffer, sizeof Buffer, std::pmr::null_memory_resource());
  std::pmr::vector<int> V(&Arena);
  fill(V, N);
  return int(V.size());
}
