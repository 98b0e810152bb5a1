using Fn = void (*)();
using Free = void (*)(int *);
struct Hook {
  Fn fire = nullptr;
};
extern Hook hook;

struct Sink {
  virtual void put() {}
};
