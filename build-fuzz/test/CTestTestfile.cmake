# CMake generated Testfile for 
# Source directory: /work/wt-rel/test
# Build directory: /work/wt-rel/build-fuzz/test
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
