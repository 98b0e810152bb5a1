#include "shared.h"
#include "vendor.h"
int first() { return calibrate() + measure(); }
