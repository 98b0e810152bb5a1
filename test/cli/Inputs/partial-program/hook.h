using Fn = void (*)();
struct Hook {
  Fn fire = nullptr;
};
extern Hook hook;

struct Sink {
  virtual void put() {}
};
