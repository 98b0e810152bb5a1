int *decode(int n) { return new int(n); }
