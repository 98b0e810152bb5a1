/* The program: nothing else calls init_writer. */
int main(void) { return 0; }
