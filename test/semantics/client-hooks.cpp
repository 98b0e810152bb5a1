// A library analysed alone (no 'main': its API is its clients' to call, as
// in open-entry.c) whose roots call through function pointers its clients
// may set: a field of a record its header declares ('cfg->log',
// 'lib_hooks.log'), a variable its header declares ('lib_on_error'), a
// pointer the library copies one of those into ('internal.trace', cJSON's
// 'global_hooks.deallocate = hooks->free_fn' in cJSON_InitHooks) or a
// parameter of its API into ('error_sink'). Before, each call reached only
// what the run stores (the library's default, or nothing when only null is
// stored) and the roots were "does not use the heap", though a client that
// stores an allocating function makes them allocate (the oracle's client,
// Inputs/client-hooks-client.cpp). Now such a call also reaches code
// noalloc cannot see, in a run that is no whole program, as a virtual call
// a client may override does (client-overrides.cpp). The twins: the whole
// program, with a client whose function allocates (may allocate, with the
// path) or does not (clean); and pointers no client can set, unchanged: a
// field of a record this file defines, a static variable, an anonymous
// namespace's record, a private field, a static setter's parameter.
//
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
// RUN:   --config="{CheckOptions: {Roots: 'rt_*'}}" %s -- 2>&1 \
// RUN:   | FileCheck %s --check-prefix=LIBRARY --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-unknown-call' \
// RUN:   --config="{CheckOptions: {Roots: 'rt_*'}}" %s -- 2>&1 \
// RUN:   | FileCheck %s --check-prefix=UNKNOWN --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
// RUN:   --config="{CheckOptions: {Roots: 'rt_*'}}" \
// RUN:   %s %S/Inputs/client-hooks-client.cpp -- 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=CLOSED,LOUD --implicit-check-not='cannot show'
// RUN: %expect-exit 0 %noalloc --checks='-*,noalloc-call' \
// RUN:   --config="{CheckOptions: {Roots: 'rt_*'}}" \
// RUN:   %s %S/Inputs/client-hooks-client.cpp -- -DQUIET 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=CLOSED,QUIET --implicit-check-not='{{warning|error|cannot show}}'
// RUN: %oracle %s --
// RUN: %oracle %s -- -DQUIET

#include "Inputs/client-hooks.h"

static void default_log(const char *) {}
Hooks lib_hooks = {nullptr, default_log};
void (*lib_on_error)(const char *) = nullptr;
void lib_set_hooks(const Hooks *h) { lib_hooks.log = h->log; }

void rt_config(Config *cfg, const char *m) { cfg->log(m); }
// LIBRARY: client-hooks.cpp:[[@LINE-1]]:46: warning: cannot show that 'rt_config' is allocation-free: 'rt_config' calls through 'cfg->log', which client code outside the run may set [noalloc-call]
// UNKNOWN: client-hooks.cpp:[[@LINE-2]]:46: warning: call through 'cfg->log', which client code outside the run may set; noalloc cannot tell whether it allocates [noalloc-unknown-call]
// LOUD: client-hooks.cpp:[[@LINE-3]]:46: warning: call through 'cfg->log' may allocate on the heap [noalloc-call]
// LOUD: client-hooks-client.cpp:{{[0-9]+}}:13: note: 'cfg->log' may be 'client_log', which is stored into it
void rt_hooks(const char *m) { lib_hooks.log(m); }
// LIBRARY: client-hooks.cpp:[[@LINE-1]]:32: warning: cannot show that 'rt_hooks' is allocation-free: 'rt_hooks' calls through 'lib_hooks.log', which client code outside the run may set [noalloc-call]
// UNKNOWN: client-hooks.cpp:[[@LINE-2]]:32: warning: call through 'lib_hooks.log', which client code outside the run may set; noalloc cannot tell whether it allocates [noalloc-unknown-call]
// LOUD: client-hooks.cpp:[[@LINE-3]]:32: warning: call through 'lib_hooks.log' may allocate on the heap [noalloc-call]
void rt_error(const char *m) {
  if (lib_on_error)
    lib_on_error(m);
}
// LIBRARY: client-hooks.cpp:[[@LINE-2]]:5: warning: cannot show that 'rt_error' is allocation-free: 'rt_error' calls through 'lib_on_error', which client code outside the run may set [noalloc-call]
// UNKNOWN: client-hooks.cpp:[[@LINE-3]]:5: warning: call through 'lib_on_error', which client code outside the run may set; noalloc cannot tell whether it allocates [noalloc-unknown-call]
// LOUD: client-hooks.cpp:[[@LINE-4]]:5: warning: call through 'lib_on_error' may allocate on the heap [noalloc-call]

// This file's own record, which no client can name, holds what a client
// stores into a record it can.
static void default_trace(int) {}
struct Internal {
  void (*trace)(int);
};
static Internal internal = {default_trace};
void lib_init(const Config *c) {
  if (c->trace)
    internal.trace = c->trace;
}
void rt_internal(const char *m) { internal.trace(m[0]); }
// LIBRARY: client-hooks.cpp:[[@LINE-1]]:35: warning: cannot show that 'rt_internal' is allocation-free: 'rt_internal' calls through 'internal.trace', which client code outside the run may set [noalloc-call]
// UNKNOWN: client-hooks.cpp:[[@LINE-2]]:35: warning: call through 'internal.trace', which client code outside the run may set; noalloc cannot tell whether it allocates [noalloc-unknown-call]
// LOUD: client-hooks.cpp:[[@LINE-3]]:35: warning: call through 'internal.trace' may allocate on the heap [noalloc-call]

static void default_error(const char *, int) {}
static void (*error_sink)(const char *, int) = default_error;
void lib_set_error_sink(void (*sink)(const char *, int)) { error_sink = sink; }
void rt_sink(const char *m) { error_sink(m, 1); }
// LIBRARY: client-hooks.cpp:[[@LINE-1]]:31: warning: cannot show that 'rt_sink' is allocation-free: 'rt_sink' calls through 'error_sink', which client code outside the run may set [noalloc-call]
// UNKNOWN: client-hooks.cpp:[[@LINE-2]]:31: warning: call through 'error_sink', which client code outside the run may set; noalloc cannot tell whether it allocates [noalloc-unknown-call]
// UNKNOWN: noalloc: 5 calls that client code outside the run may send to code of its own could not be followed
// LOUD: client-hooks.cpp:[[@LINE-4]]:31: warning: call through 'error_sink' may allocate on the heap [noalloc-call]

// Pointers no client can set.
struct Local {
  void (*log)(const char *);
};
Local local_sink = {default_log};
void rt_local_record(const char *m) { local_sink.log(m); }

static void (*static_log)(const char *) = default_log;
void rt_static(const char *m) { static_log(m); }

namespace {
struct Anonymous {
  void (*log)(const char *);
};
Anonymous anonymous_sink = {default_log};
} // namespace
void rt_anonymous(const char *m) { anonymous_sink.log(m); }

void lib_default_sink(const char *) {}
void Logger::emit(const char *m) { sink_(m); }
Logger lib_logger;
void rt_private(const char *m) { lib_logger.emit(m); }

static void (*quiet_sink)(const char *) = default_log;
static void set_quiet_sink(void (*sink)(const char *)) { quiet_sink = sink; }
void lib_reset() { set_quiet_sink(default_log); }
void rt_quiet_sink(const char *m) { quiet_sink(m); }

// LIBRARY: noalloc: root 'rt_config' cannot be shown allocation-free: 'rt_config' calls through 'cfg->log', which client code outside the run may set
// LIBRARY: noalloc: root 'rt_hooks' cannot be shown allocation-free
// LIBRARY: noalloc: root 'rt_error' cannot be shown allocation-free
// LIBRARY: noalloc: root 'rt_internal' cannot be shown allocation-free: 'rt_internal' calls through 'internal.trace', which client code outside the run may set
// LIBRARY: noalloc: root 'rt_sink' cannot be shown allocation-free: 'rt_sink' calls through 'error_sink', which client code outside the run may set
// LIBRARY: noalloc: root 'rt_local_record' does not use the heap
// LIBRARY: noalloc: root 'rt_static' does not use the heap
// LIBRARY: noalloc: root 'rt_anonymous' does not use the heap
// LIBRARY: noalloc: root 'rt_private' does not use the heap
// LIBRARY: noalloc: root 'rt_quiet_sink' does not use the heap

// LOUD: noalloc: root 'rt_config' may allocate: 'rt_config' -> 'client_log' calls 'malloc'
// LOUD: noalloc: root 'rt_hooks' may allocate: 'rt_hooks' -> 'client_log' calls 'malloc'
// LOUD: noalloc: root 'rt_error' may allocate: 'rt_error' -> 'client_log' calls 'malloc'
// LOUD: noalloc: root 'rt_internal' may allocate: 'rt_internal' -> 'client_trace' -> 'client_log' calls 'malloc'
// LOUD: noalloc: root 'rt_sink' may allocate: 'rt_sink' -> 'client_error' -> 'client_log' calls 'malloc'
// QUIET: noalloc: root 'rt_config' does not use the heap
// QUIET: noalloc: root 'rt_hooks' does not use the heap
// QUIET: noalloc: root 'rt_error' does not use the heap
// QUIET: noalloc: root 'rt_internal' does not use the heap
// QUIET: noalloc: root 'rt_sink' does not use the heap
// CLOSED: noalloc: root 'rt_local_record' does not use the heap
// CLOSED: noalloc: root 'rt_static' does not use the heap
// CLOSED: noalloc: root 'rt_anonymous' does not use the heap
// CLOSED: noalloc: root 'rt_private' does not use the heap
// CLOSED: noalloc: root 'rt_quiet_sink' does not use the heap

#ifdef NOALLOC_ORACLE
#include "oracle.h"
#include "Inputs/client-hooks-client.cpp"
#ifdef QUIET
#define ORACLE_CLIENT(what, ...) ORACLE_NO_HEAP(what, __VA_ARGS__)
#else
#define ORACLE_CLIENT(what, ...) ORACLE_ALLOCATES(what, __VA_ARGS__)
#endif
ORACLE_MAIN {
  Config cfg = {default_log, default_trace, 0};
  ORACLE_NO_HEAP("rt_config: the library's default", rt_config(&cfg, "x"));
  ORACLE_NO_HEAP("rt_hooks: the library's default", rt_hooks("x"));
  ORACLE_NO_HEAP("rt_error: none set", rt_error("x"));
  ORACLE_NO_HEAP("rt_internal: the library's default", rt_internal("x"));
  ORACLE_NO_HEAP("rt_sink: the library's default", rt_sink("x"));
  client_setup(cfg);
  ORACLE_CLIENT("rt_config: a client's function", rt_config(&cfg, "x"));
  ORACLE_CLIENT("rt_hooks: a client's function", rt_hooks("x"));
  ORACLE_CLIENT("rt_error: a client's function", rt_error("x"));
  ORACLE_CLIENT("rt_internal: a client's function", rt_internal("x"));
  ORACLE_CLIENT("rt_sink: a client's function", rt_sink("x"));
  ORACLE_NO_HEAP("rt_local_record", rt_local_record("x"));
  ORACLE_NO_HEAP("rt_static", rt_static("x"));
  ORACLE_NO_HEAP("rt_anonymous", rt_anonymous("x"));
  ORACLE_NO_HEAP("rt_private", rt_private("x"));
  ORACLE_NO_HEAP("rt_quiet_sink", rt_quiet_sink("x"));
}
#endif
