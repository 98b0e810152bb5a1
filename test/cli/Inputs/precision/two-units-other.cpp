// The other unit of two-units.cpp.
int quiet(int X) { return X + 1; }
int *loud() { return new int(2); }
