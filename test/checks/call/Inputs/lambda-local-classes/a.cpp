#include "local.h"
int main() { return pick().a[0] == 'a' ? 0 : 1; }
