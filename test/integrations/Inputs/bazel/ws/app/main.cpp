void tick();
int main() { tick(); }
