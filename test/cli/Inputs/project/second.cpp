#include "shared.h"

int *useSecond() { return makeCounter(); }
