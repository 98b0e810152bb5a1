#include "shared.h"
int second() { return calibrate(); }
