void helper_init(void);
int tick(int x) { return x + 1; }
