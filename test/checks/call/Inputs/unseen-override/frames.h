struct Frame {
  virtual ~Frame() = default;
  virtual int size() = 0;
};
struct Fixed : Frame {
  int size() override;
};

struct Base {
  virtual ~Base() = default;
  virtual int get() { return 0; }
};
struct Derived : Base {
  int get() override;
};
