// A library's conversion to an allocating type is named by the type it
// converts to, not by its declaration name ('operator pair', which the
// knowledge base is asked by): Inputs/sensor-library.h, included with
// -isystem. The twin, a member that returns an int, is no finding.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-std-type' %s -- -std=c++17 -isystem %S/Inputs \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 0 %clang-tidy-noalloc -checks='-*,noalloc-std-type' %s -- -std=c++17 -isystem %S/Inputs \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

#include <sensor-library.h>

void takePair(const std::pair<std::string, int> &);
void takeTable(const std::map<int, int> &);

int conversions(const sensors::Reading &r) {
  takePair(r);
  // CHECK: conversion-name.cpp:[[@LINE-1]]:12: warning: call to 'sensors::Reading::operator std::pair<std::string, int>' returns 'std::pair<std::string, int>', which allocates on the heap [noalloc-std-type]
  takeTable(r);
  // CHECK: conversion-name.cpp:[[@LINE-1]]:13: warning: call to 'sensors::Reading::operator std::map<int, int>' returns 'std::map<int, int>', which allocates on the heap [noalloc-std-type]
  return r.raw();
}
