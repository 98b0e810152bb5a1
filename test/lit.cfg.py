# lit configuration for noalloc's tests.
import os
import lit.formats

config.name = "noalloc"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".c", ".m", ".test"]
config.excludes = ["Inputs", "precommit.py", "bazel.py", "registry.test.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.noalloc_binary_dir, "test")

# The tools of the LLVM noalloc was built against (NOALLOC_LLVM_ROOT, 19
# to 22): FileCheck, clang, and the clang-tidy that loads the plugin.
tools = config.llvm_tools_dir
config.available_features.add("llvm-%d" % config.llvm_version_major)

# Whether this clang's -Wfunction-effects follows calls: a nonallocating
# function calling one that is not is an error (22; 19 has the attributes
# but checks no call). The --annotate tests of clang's refusals require it.
def function_effects_follow_calls():
    import subprocess
    source = ("int other();\n"
              "int marked() [[clang::nonallocating]] { return other(); }\n")
    probe = subprocess.run(
        [os.path.join(tools, "clang++"), "-std=c++17", "-fsyntax-only",
         "-Wfunction-effects", "-Werror", "-x", "c++", "-"],
        input=source.encode(), stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    return probe.returncode != 0
if function_effects_follow_calls():
    config.available_features.add("function-effects-calls")
# The C library: a measurement of one system's libraries
# (knowledge/measure/libscan-contradictions.txt) is checked on that one.
import platform
libc_name, libc_version = platform.libc_ver()
if libc_name == "glibc":
    config.available_features.add("glibc-" + libc_version)
config.environment["PATH"] = os.pathsep.join(
    [tools, config.environment.get("PATH", os.environ.get("PATH", ""))])
# Deterministic output: no colour unless a test asks for it.
config.environment.pop("TERM", None)
# The tests' own result cache, not the user's.
config.environment["XDG_CACHE_HOME"] = os.path.join(config.test_exec_root, "cache")

noalloc = os.path.join(config.noalloc_binary_dir, "tool", "noalloc")
python = "/usr/bin/python3"
# Longer names first: lit substitutes in order.
plugin = os.path.join(config.noalloc_binary_dir, "checks", "NoallocTidyPlugin.so")
config.substitutions.append(("%noalloc-plugin", plugin))
# The runtime oracle: builds a test's witnesses with a heap counter and
# fails when the heap contradicts a label (test/oracle/README.md).
config.substitutions.append(
    ("%oracle", python + " " + os.path.join(config.test_source_root, "oracle", "oracle.py")))
config.substitutions.append(
    ("%noalloc-libscan", os.path.join(config.noalloc_binary_dir, "tool", "libscan", "noalloc-libscan")))
config.substitutions.append(("%noalloc-source", config.noalloc_source_dir))
config.substitutions.append(
    ("%noalloc-unittests",
     os.path.join(config.noalloc_binary_dir, "test", "unit", "noalloc-unittests")))
config.substitutions.append(("%noalloc", noalloc))
# A NOALLOC_SANITIZE build (scripts/test-sanitized). Its allocator's
# redzones and quarantine and the instrumentation cost a constant factor:
# within.py multiplies its CPU and memory bounds, which are there to catch
# what grows with the input. A crash noalloc contains abandons what the
# crashed unit's frames owned: %unchecked-leaks runs such a command without
# leak checking (and is empty in other builds).
if config.noalloc_sanitized:
    config.available_features.add("sanitized")
    config.environment["NOALLOC_BOUND_FACTOR"] = "4"
    asan = config.environment.get("ASAN_OPTIONS", "")
    config.substitutions.append(
        ("%unchecked-leaks",
         "env 'ASAN_OPTIONS=%sdetect_leaks=0'" % (asan + ":" if asan else "")))
else:
    config.substitutions.append(("%unchecked-leaks", ""))
# The same checks through Debian's clang-tidy, loading the plugin (through
# a wrapper that preloads the ASan runtime in a NOALLOC_SANITIZE build).
clang_tidy = config.clang_tidy
config.substitutions.append(
    ("%clang-tidy-noalloc",
     "%s --quiet --load=%s --header-filter='.*'" % (clang_tidy, plugin)))
config.substitutions.append(("%clang-tidy", clang_tidy))
config.substitutions.append(("%llvm-root", config.llvm_root))
config.substitutions.append(("%llvm-major", str(config.llvm_version_major)))
config.substitutions.append(
    ("%expect-exit", python + " " + os.path.join(config.test_source_root, "expect-exit.py")))
config.substitutions.append(("%examples", os.path.join(config.noalloc_source_dir, "examples")))
config.substitutions.append(("%clangxx", os.path.join(tools, "clang++")))
config.substitutions.append(("%clang", os.path.join(tools, "clang")))
config.substitutions.append(("%python", python))
config.substitutions.append(
    ("%sarif-multitool",
     os.path.join(config.noalloc_binary_dir, "sarif-validator", "node_modules",
                  ".bin", "sarif-multitool")))

# Debian's Bazel (bazel-bootstrap) runs the Bazel rules' test, offline;
# without it that test is UNSUPPORTED.
def bazel_runs():
    import shutil
    import subprocess
    bazel = shutil.which("bazel")
    return bazel is not None and subprocess.run(
        [bazel, "--version"], stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL).returncode == 0
if bazel_runs():
    config.available_features.add("bazel")
else:
    lit_config.note("bazel does not run: the Bazel rules' test is UNSUPPORTED; "
                    "Debian's bazel-bootstrap provides it")

# Debian's chromium renders the HTML report headless (scripts/install-test-deps
# installs it); without it those tests are UNSUPPORTED, and say why.
chromium = "/usr/bin/chromium"
if os.path.exists(chromium):
    config.available_features.add("chromium")
else:
    lit_config.note("%s is missing: the HTML rendering tests are UNSUPPORTED; "
                    "scripts/install-test-deps installs it" % chromium)
# Each call adds its own fresh --user-data-dir. A screenshot waits for every
# tile to be drawn: a loaded machine otherwise leaves some blank. A browser
# that hangs is killed after 120 s and started again (run-chromium.py).
config.substitutions.append(
    ("%chromium",
     "%s %s 120 %s --headless --no-sandbox --disable-gpu --disable-quic "
     "--no-first-run --disable-background-networking --disable-component-update "
     "--disable-sync --run-all-compositor-stages-before-draw"
     % (python, os.path.join(config.test_source_root, "run-chromium.py"), chromium)))
