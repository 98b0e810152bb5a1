#include "shared.h"
int broken() { return calibrate() }
