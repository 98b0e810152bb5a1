#include <stdio.h>
#include <stdlib.h>
void say(void) { printf("hi\n"); }
void *get(void) { return malloc(8); }
