// The twin: another unit that only sets the pointer to null and adds no
// override; the program's 'main' (a library's functions are its clients'
// to call, a program's are not).
#include "hook.h"
void disarm() { hook.fire = nullptr; }
int main() { return 0; }
