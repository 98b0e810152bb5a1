#include "run.h"
static void cb() { free(malloc(4)); }
namespace { struct Job { void go() { free(malloc(4)); } }; }
void heap_user() { call<cb>(); }
void heap_job() { make<Job>(); }
