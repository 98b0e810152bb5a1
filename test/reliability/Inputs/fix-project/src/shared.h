// A heap object deleted in the same function: --fix makes it automatic.
struct Sensor {
  int id = 0;
  void reset() { id = 0; }
};

inline int calibrate() {
  Sensor *s = new Sensor;
  s->reset();
  int value = s->id;
  delete s;
  return value;
}
