#include "frames.h"
int measure(Frame &f) [[clang::nonblocking]] { return f.size(); }
int fetch(Base &b) [[clang::nonblocking]] { return b.get(); }
