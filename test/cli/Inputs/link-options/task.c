void *grow(int n);
int twice(int x);
void *task_grow(int n) { return grow(n); }
int task_twice(int x) { return twice(x); }
