using Fn = void (*)();
using Free = void (*)(int *);
struct Hook {
  Fn fire = nullptr;
};
extern Hook hook;

struct Sink {
  virtual void put() {}
};

using Put = int (*)(int);
struct Writer {
  Put put;
};
void setWriter(Writer &w, Put p);
