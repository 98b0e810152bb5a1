void *grab(int n);
int *fresh();
