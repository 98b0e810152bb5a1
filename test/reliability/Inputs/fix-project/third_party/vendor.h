// A third-party header: --fix leaves it alone unless asked.
struct Widget {
  int size = 0;
};

inline int measure() {
  Widget *w = new Widget;
  int size = w->size;
  delete w;
  return size;
}
