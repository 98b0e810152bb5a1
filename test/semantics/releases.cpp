// Releasing what a std::unique_ptr owns (reset, its destructor) and closing
// a FILE in an implicit destructor (fclose frees the stream and its buffer)
// release heap memory and acquire none: their effect is 'releases', under
// the strict policy too. std::unique_ptr's members call std::move, which
// clang folds into a cast and so has no body; the knowledge base says it
// does nothing. Every function here is a root, so releasing counts.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --config='{CheckOptions: {Policy: strict}}' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %oracle %s -- -std=c++17

#include <cstdio>
#include <memory>

#define ROOT [[clang::annotate("noalloc")]]

struct Buffer {
  float data[64];
};

ROOT void drop(std::unique_ptr<Buffer> &p) { p.reset(); }
// CHECK: releases.cpp:[[@LINE-1]]:48: warning: call to 'std::unique_ptr<Buffer>::reset' may release heap memory [noalloc-call]
// CHECK: releases.cpp:[[@LINE-2]]:11: note: 'drop' must not allocate: it is a noalloc root
ROOT void own(Buffer *raw) { std::unique_ptr<Buffer> owner(raw); }
// CHECK: releases.cpp:[[@LINE-1]]:54: warning: call to 'std::unique_ptr<Buffer>::~unique_ptr' may release heap memory [noalloc-call]
// CHECK: releases.cpp:[[@LINE-2]]:11: note: 'own' must not allocate: it is a noalloc root

struct File {
  std::FILE *stream;
  ~File() { std::fclose(stream); }
};
struct Journal {
  File file;
};
ROOT void close(std::FILE *stream) { Journal j{{stream}}; }
// CHECK: releases.cpp:[[@LINE-6]]:13: warning: call to 'fclose' may release heap memory [noalloc-call]
// CHECK: releases.cpp:[[@LINE-2]]:11: note: 'close' must not allocate: it is a noalloc root
// CHECK: releases.cpp:[[@LINE-3]]:46: note: 'close' calls 'Journal::~Journal'
// CHECK: releases.cpp:[[@LINE-7]]:8: note: 'Journal::~Journal' destroys member 'file' ('File')
// CHECK: releases.cpp:[[@LINE-10]]:13: note: 'fclose' releases heap memory
// CHECK: releases.cpp:[[@LINE-6]]:46: warning: call to 'Journal::~Journal' may release heap memory [noalloc-call]
// CHECK: releases.cpp:[[@LINE-7]]:11: note: 'close' must not allocate: it is a noalloc root
// CHECK: releases.cpp:[[@LINE-11]]:8: note: 'Journal::~Journal' destroys member 'file' ('File')
// CHECK: releases.cpp:[[@LINE-14]]:13: note: 'File::~File' calls 'fclose', which releases heap memory

// The same through a std::unique_ptr with a deleter, destroyed by the
// implicit destructor of the class that holds it.
struct Closer {
  void operator()(std::FILE *stream) const { std::fclose(stream); }
};
struct Log {
  std::unique_ptr<std::FILE, Closer> stream;
};
ROOT void closeLog(std::FILE *stream) { Log log{decltype(Log::stream)(stream)}; }
// The deleter is user code the library calls: 'closeLog' reaches it, and
// its call is reported there.
// CHECK: releases.cpp:[[@LINE-8]]:46: warning: call to 'fclose' may release heap memory [noalloc-call]
// CHECK: releases.cpp:[[@LINE-4]]:11: note: 'closeLog' must not allocate: it is a noalloc root
// The unique_ptr is the member itself (no temporary to destroy): only
// 'Log::~Log' destroys it.
// CHECK: releases.cpp:[[@LINE-7]]:45: note: 'closeLog' calls 'Log::~Log'
// CHECK: releases.cpp:[[@LINE-11]]:8: note: 'Log::~Log' destroys member 'stream' ('std::unique_ptr<std::FILE, Closer>')
// CHECK: unique_ptr.h:{{[0-9]+}}:{{[0-9]+}}: note: 'std::unique_ptr<_IO_FILE, Closer>::~unique_ptr' calls 'Closer::operator()'
// CHECK: releases.cpp:[[@LINE-15]]:46: note: 'fclose' releases heap memory
// CHECK: releases.cpp:[[@LINE-11]]:45: warning: call to 'Log::~Log' may release heap memory [noalloc-call]
// CHECK: releases.cpp:[[@LINE-12]]:11: note: 'closeLog' must not allocate: it is a noalloc root
// CHECK: releases.cpp:[[@LINE-16]]:8: note: 'Log::~Log' destroys member 'stream' ('std::unique_ptr<std::FILE, Closer>')
// CHECK: unique_ptr.h:{{[0-9]+}}:{{[0-9]+}}: note: 'std::unique_ptr<_IO_FILE, Closer>::~unique_ptr' calls 'Closer::operator()'
// CHECK: releases.cpp:[[@LINE-20]]:46: note: 'Closer::operator()' calls 'fclose', which releases heap memory

// The twins: giving up ownership and reading release nothing.
ROOT Buffer *disown(std::unique_ptr<Buffer> &p) { return p.release(); }
ROOT bool owns(const std::unique_ptr<Buffer> &p) { return bool(p); }

// JSON: "effect": "releases",
// JSON-NEXT: "file": "{{.*}}releases.cpp",
// JSON-NEXT: "line": {{[0-9]+}},
// JSON-NEXT: "may_allocate": false,
// JSON-NEXT: "may_use_heap": true,
// JSON-NEXT: "name": "drop",
// JSON: "effect": "releases",
// JSON-NEXT: "file": "{{.*}}releases.cpp",
// JSON-NEXT: "line": {{[0-9]+}},
// JSON-NEXT: "may_allocate": false,
// JSON-NEXT: "may_use_heap": true,
// JSON-NEXT: "name": "own",
// JSON: "effect": "releases",
// JSON-NEXT: "file": "{{.*}}releases.cpp",
// JSON-NEXT: "line": {{[0-9]+}},
// JSON-NEXT: "may_allocate": false,
// JSON-NEXT: "may_use_heap": true,
// JSON-NEXT: "name": "File::~File",
// JSON: "effect": "releases",
// JSON-NEXT: "file": "{{.*}}releases.cpp",
// JSON-NEXT: "line": {{[0-9]+}},
// JSON-NEXT: "may_allocate": false,
// JSON-NEXT: "may_use_heap": true,
// JSON-NEXT: "name": "Journal::~Journal",
// JSON: "effect": "releases",
// JSON-NEXT: "file": "{{.*}}releases.cpp",
// JSON-NEXT: "line": {{[0-9]+}},
// JSON-NEXT: "may_allocate": false,
// JSON-NEXT: "may_use_heap": true,
// JSON-NEXT: "name": "close",
// JSON: "effect": "releases",
// JSON-NEXT: "file": "{{.*}}releases.cpp",
// JSON-NEXT: "line": {{[0-9]+}},
// JSON-NEXT: "may_allocate": false,
// JSON-NEXT: "may_use_heap": true,
// JSON-NEXT: "name": "Closer::operator()",
// JSON: "effect": "releases",
// JSON-NEXT: "file": "{{.*}}releases.cpp",
// JSON-NEXT: "line": {{[0-9]+}},
// JSON-NEXT: "may_allocate": false,
// JSON-NEXT: "may_use_heap": true,
// JSON-NEXT: "name": "Log::~Log",
// JSON: "effect": "releases",
// JSON-NEXT: "file": "{{.*}}releases.cpp",
// JSON-NEXT: "line": {{[0-9]+}},
// JSON-NEXT: "may_allocate": false,
// JSON-NEXT: "may_use_heap": true,
// JSON-NEXT: "name": "closeLog",
// JSON: "effect": "none",
// JSON-NEXT: "file": "{{.*}}releases.cpp",
// JSON-NEXT: "line": {{[0-9]+}},
// JSON-NEXT: "may_allocate": false,
// JSON-NEXT: "may_use_heap": false,
// JSON-NEXT: "name": "disown",

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  std::unique_ptr<Buffer> p(new Buffer());
  Buffer *kept = nullptr;
  ORACLE_NO_HEAP("unique_ptr::release", kept = disown(p));
  p.reset(kept);
  ORACLE_NO_HEAP("unique_ptr::operator bool", owns(p));
  ORACLE_RELEASES("unique_ptr::reset", drop(p));
  Buffer *raw = new Buffer();
  ORACLE_RELEASES("unique_ptr::~unique_ptr", own(raw));
  std::FILE *stream = std::fopen("/dev/null", "w");
  std::fputc('x', stream); // the stream's buffer exists from its first write
  ORACLE_RELEASES("fclose in an implicit destructor", close(stream));
  stream = std::fopen("/dev/null", "w");
  std::fputc('x', stream);
  ORACLE_RELEASES("a unique_ptr's deleter in an implicit destructor", closeLog(stream));
}
#endif
