// The public header of the library client-hooks.cpp: function pointers its
// clients may set (fields of records they can name, a variable declared
// here), and one they cannot (a private field).
#pragma once
#include <cstddef>

struct Hooks {
  void *(*alloc)(std::size_t);
  void (*log)(const char *);
};
struct Config {
  void (*log)(const char *);
  void (*trace)(int);
  int level;
};
extern Hooks lib_hooks;
extern void (*lib_on_error)(const char *);
void lib_set_hooks(const Hooks *h);
void lib_init(const Config *c);
void lib_set_error_sink(void (*sink)(const char *, int));
void lib_reset();

void lib_default_sink(const char *m);
class Logger {
public:
  void emit(const char *m);

private:
  void (*sink_)(const char *) = lib_default_sink;
};
extern Logger lib_logger;

void rt_config(Config *cfg, const char *m);
void rt_hooks(const char *m);
void rt_error(const char *m);
void rt_internal(const char *m);
void rt_sink(const char *m);
void rt_local_record(const char *m);
void rt_static(const char *m);
void rt_anonymous(const char *m);
void rt_private(const char *m);
void rt_quiet_sink(const char *m);
