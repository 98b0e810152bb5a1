// The twin of test/semantics/libc-same-name.cpp: the entries of a user's
// knowledge file (which does not say 'language: c') match the program's own
// C++ functions named without '::', those that share a C library
// function's name included, as test/checks/call/cross-tu.test's 'dma_kick'.
// The project's 'syslog(int)' takes its record from the project's own pool,
// which the file counts as the heap (as FreeRTOS's pvPortMalloc in
// test/checks/call/own-allocator.c); 'getline(Reader &, char *, size_t)'
// and 'dma_kick' are compiled apart, and the file says they do not
// allocate.
// RUN: %expect-exit 1 %noalloc --knowledge=%S/Inputs/user-entry-same-name.yaml \
// RUN:   --config="{CheckOptions: {Roots: 'tick;tick2;kick'}}" %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json \
// RUN:   --knowledge=%S/Inputs/user-entry-same-name.yaml %s -- -std=c++20 \
// RUN:   | FileCheck %s --check-prefix=JSON
// Without the file, libc.yaml's syslog and getline are not these: the body
// of syslog decides, getline and dma_kick are defined in no analysed file.
// RUN: %expect-exit 1 %noalloc --config="{CheckOptions: {Roots: 'tick;tick2;kick'}}" %s -- -std=c++20 \
// RUN:   | FileCheck %s --check-prefix=PLAIN --implicit-check-not='{{warning|error|note}}:'
// RUN: %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++20 \
// RUN:   | FileCheck %s --check-prefix=PLAINJSON
// A file that says 'language: c' names C functions only: a name with '::'
// is an error, and so is another language.
// RUN: rm -rf %t && mkdir -p %t
// RUN: printf 'language: c\nfunctions:\n  - name: std::getline\n    effect: none\n' > %t/scoped.yaml
// RUN: %expect-exit 2 %noalloc --knowledge=%t/scoped.yaml %s -- -std=c++20 2>&1 \
// RUN:   | FileCheck %s --check-prefix=SCOPED
// SCOPED: error: invalid knowledge file '{{.*}}scoped.yaml':
// SCOPED: error: a 'language: c' file names C functions, without '::': 'std::getline'
// RUN: printf 'language: c++\nfunctions: []\n' > %t/language.yaml
// RUN: %expect-exit 2 %noalloc --knowledge=%t/language.yaml %s -- -std=c++20 2>&1 \
// RUN:   | FileCheck %s --check-prefix=LANGUAGE
// LANGUAGE: language.yaml:1:11: error: unknown language 'c++': expected 'c'

#include <cstddef>

struct Reader {
  const char *Text;
  std::size_t Pos;
};
std::size_t getline(Reader &R, char *Out, std::size_t Cap);
void dma_kick();

static unsigned char Pool[256];
static std::size_t Used;
void syslog(int Priority) {
  if (Used < sizeof Pool)
    Pool[Used++] = static_cast<unsigned char>(Priority);
}

std::size_t tick(Reader &R) {
  char Line[32];
  return getline(R, Line, sizeof Line);
  // PLAIN: [[@LINE-1]]:10: warning: cannot show that 'tick' is allocation-free: 'getline' is defined in no analysed file [noalloc-call]
  // PLAIN: note: 'tick' must not allocate: it is a noalloc root
}
void tick2() { syslog(3); }
// CHECK: [[@LINE-1]]:16: warning: call to 'syslog' allocates on the heap [noalloc-c-allocation]
void kick() { dma_kick(); }
// PLAIN: [[@LINE-1]]:15: warning: cannot show that 'kick' is allocation-free: 'dma_kick' is defined in no analysed file [noalloc-call]
// PLAIN: note: 'kick' must not allocate: it is a noalloc root

// JSON: "name": "syslog",
// JSON-NEXT: "usr"
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "tick",
// JSON-NEXT: "usr"
// JSON-NEXT: "verdict": "none"
// JSON: "message": "'tick2' calls 'syslog'"
// JSON: "name": "tick2",
// JSON-NEXT: "usr"
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "kick",
// JSON-NEXT: "usr"
// JSON-NEXT: "verdict": "none"

// PLAINJSON: "name": "syslog",
// PLAINJSON-NEXT: "usr"
// PLAINJSON-NEXT: "verdict": "none"
// PLAINJSON: "name": "tick",
// PLAINJSON-NEXT: "usr"
// PLAINJSON-NEXT: "verdict": "unknown"
// PLAINJSON: "name": "tick2",
// PLAINJSON-NEXT: "usr"
// PLAINJSON-NEXT: "verdict": "none"
// PLAINJSON: "name": "kick",
// PLAINJSON-NEXT: "usr"
// PLAINJSON-NEXT: "verdict": "unknown"
