#include "local.h"
Out again() { return pick(); }
