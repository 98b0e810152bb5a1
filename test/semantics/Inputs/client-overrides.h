// The public header of the library client-overrides.cpp: a class its
// clients may derive from.
#pragma once
struct Sink {
  virtual ~Sink() {}
  virtual void write(int v) = 0;
};
Sink &null_sink();
void rt_virtual(Sink &s, int v);
