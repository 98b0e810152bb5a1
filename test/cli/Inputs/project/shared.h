// A header included by two translation units.
#pragma once
#include <cstddef>

inline int *makeCounter() { return new int(0); }
