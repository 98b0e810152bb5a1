// A library header whose inline function calls the vendor library.
#pragma once
extern "C" void *vendor_alloc(unsigned long size);
inline void *lib_get() { return vendor_alloc(8); }
