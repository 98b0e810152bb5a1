"""The native C++ rules under @rules_cc's names (a test stand-in)."""

cc_library = native.cc_library
cc_binary = native.cc_binary
cc_test = native.cc_test
cc_import = native.cc_import
cc_proto_library = native.cc_proto_library
objc_library = native.objc_library
cc_toolchain_suite = native.cc_toolchain_suite
cc_toolchain = native.cc_toolchain
