struct ops {
  int (*tick)(int);
};
int run(const struct ops *o);
