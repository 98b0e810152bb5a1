void *grab(int n);
