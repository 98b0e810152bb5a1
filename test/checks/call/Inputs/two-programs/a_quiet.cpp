void init() {}
int main() { init(); }
