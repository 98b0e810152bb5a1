int idle(void) { return 0; }
