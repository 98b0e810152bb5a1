#include <memory>
[[clang::annotate("noalloc")]] void drop2() { std::shared_ptr<void> p; }
