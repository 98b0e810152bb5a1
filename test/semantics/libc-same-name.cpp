// A function of the program with C++ linkage in the global namespace that
// shares its name with a C library function of the knowledge base (a C++
// overload 'getline(Reader &, char *, size_t)', 'syslog(int)') is not the
// C library's: its body decides, and noalloc-c-allocation leaves its calls
// alone: knowledge/libc.yaml says 'language: c'. The C library's getline,
// which has C linkage, is still libc's: the negative twin. A function with
// C linkage of that name would be the program's libc function
// (test/checks/call/own-allocator.c); a user's knowledge file, which does
// not say 'language: c', describes the program's own C++ functions of
// those names (test/checks/call/user-entry-same-name.cpp).
// RUN: %expect-exit 1 %noalloc --config="{CheckOptions: {Roots: 'tick;tick2;readLine'}}" %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++20 \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %oracle %s -- -std=c++20

#include <cstddef>
#include <cstdio>
#include <cstdlib>

struct Reader {
  const char *Text;
  std::size_t Pos;
};
std::size_t getline(Reader &R, char *Out, std::size_t Cap) {
  std::size_t N = 0;
  while (R.Text[R.Pos] && R.Text[R.Pos] != '\n' && N + 1 < Cap)
    Out[N++] = R.Text[R.Pos++];
  Out[N] = '\0';
  return N;
}
std::size_t tick(Reader &R) {
  char Line[32];
  return getline(R, Line, sizeof Line);
}
static int Events;
void syslog(int Priority) { Events += Priority; }
void tick2() { syslog(3); }

// The C library's getline, with a null buffer: it mallocs the line.
long readLine(std::FILE *In) {
  char *Line = nullptr;
  std::size_t Cap = 0;
  long N = ::getline(&Line, &Cap, In);
  // CHECK: [[@LINE-1]]:12: warning: call to 'getline' allocates on the heap [noalloc-c-allocation]
  std::free(Line);
  // CHECK: [[@LINE-1]]:3: warning: call to 'free' releases heap memory [noalloc-c-allocation]
  return N;
}

// JSON: "name": "getline",
// JSON-NEXT: "usr": "c:@F@getline#&$@S@Reader#*C#l#",
// JSON-NEXT: "verdict": "none"
// JSON: "name": "tick",
// JSON: "verdict": "none"
// JSON: "name": "syslog",
// JSON: "verdict": "none"
// JSON: "name": "tick2",
// JSON: "verdict": "none"
// JSON: "message": "'readLine' calls 'getline', which allocates on the heap"
// JSON: "name": "readLine",
// JSON: "verdict": "allocates"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  Reader R{"first line\nsecond", 0};
  ORACLE_NO_HEAP("user getline(Reader &, char *, size_t)", tick(R));
  ORACLE_NO_HEAP("user syslog(int)", tick2());
  std::FILE *In = std::tmpfile();
  std::fputs("a line of text\n", In);
  std::rewind(In);
  std::fgetc(In); // the stream's buffer, outside the witness
  ORACLE_ALLOCATES("libc getline", readLine(In));
}
#endif
