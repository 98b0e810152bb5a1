#include "run.h"
static void cb() {}
namespace { struct Job { void go() {} }; }
void quiet_user() { call<cb>(); }
void quiet_job() { make<Job>(); }
