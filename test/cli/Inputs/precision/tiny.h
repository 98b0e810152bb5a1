// Found through -isystem %S: bench/precision.py substitutes %S.
#define TINY_SCALE 2
