#include "frames.h"
int Fixed::size() { return 16; }
int Derived::get() { return *new int(1); }
