#include "shared.h"
#include <cstdlib>

void *first() { return std::malloc(8); }
int *useFirst() { return makeCounter(); }
