// A header's call into unseen code: listed and counted only where the
// header filter shows the header.
void hidden_ext(int);
inline void in_header() { hidden_ext(1); }
