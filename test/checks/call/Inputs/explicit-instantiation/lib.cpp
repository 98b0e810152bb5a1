// spdlog's color_sinks.cpp: an explicit instantiation definition.
#include "sink.h"
template struct stdout_sink<int>;
