void init() { static int *p = new int[4]; (void)p; }
int main() { init(); }
