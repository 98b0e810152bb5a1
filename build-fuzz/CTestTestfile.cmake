# CMake generated Testfile for 
# Source directory: /work/wt-rel
# Build directory: /work/wt-rel/build-fuzz
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
subdirs("checks")
subdirs("tool")
subdirs("fuzz")
subdirs("test")
