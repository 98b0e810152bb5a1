#!/usr/bin/env python3
"""Real projects at pinned commits, checked out and configured.

Nothing is vendored: each project is taken from a git mirror
(--mirrors DIR, laid out as DIR/OWNER+NAME/repo, as the fetch tool leaves
them) or, without one, cloned from its public repository by URL. The
commit is pinned here, so two runs see the same code.

  corpus.py setup [NAME...] --work DIR   check out and configure (every
                                         project when none is named)
  corpus.py list                         the projects, commits and recipes

Each project ends up as DIR/src/NAME (the source) and DIR/build/NAME, a
directory with compile_commands.json: CMake's, or one written from a
recipe in bench/scale.py (json, etl, lua, littlefs, lwip,
freertos). A project that cannot be
checked out or configured here is skipped, with the reason.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
import scale  # noqa: E402

# name: (github owner/name, pinned commit (tag), configure recipe).
# A recipe is ("cmake", [options]) or ("scale", recipe name in scale.py).
# Options may name another project's source as {src:NAME}.
PROJECTS = {
    "zlib": ("madler/zlib", "51b7f2abdade71cd9bb0e7a373ef2610ec6f9daf",  # v1.3.1
             ("cmake", [])),
    "cjson": ("DaveGamble/cJSON", "c859b25da02955fef659d658b8f324b5cde87be3",  # v1.7.19
              ("cmake", ["-DENABLE_CJSON_TEST=ON", "-DENABLE_CJSON_UTILS=ON"])),
    "libyaml": ("yaml/libyaml", "2c891fc7a770e8ba2fec34fc6b545c672beb37e6",  # 0.2.5
                ("cmake", ["-DBUILD_TESTING=ON"])),
    "jansson": ("akheron/jansson", "4a9a6db73d5dc553164992e87426502ab2d54512",  # v2.15.0
                ("cmake", ["-DJANSSON_BUILD_DOCS=OFF"])),
    "lua": ("lua/lua", "1ab3208a1fceb12fca8f24ba57d6e13c5bff15e3",  # v5.4.7
            ("scale", "lua")),
    "libuv": ("libuv/libuv", "5152db2cbfeb5582e9c27c5ea1dba2cd9e10759b",  # v1.51.0
              ("cmake", ["-DLIBUV_BUILD_TESTS=ON", "-DLIBUV_BUILD_BENCH=ON"])),
    "curl": ("curl/curl", "1c3149881769e7bd79b072e48374e4c2b3678b2f",  # curl-8_13_0
             ("cmake", ["-DCURL_ENABLE_SSL=OFF", "-DCURL_USE_LIBPSL=OFF",
                        "-DUSE_LIBIDN2=OFF", "-DCURL_ZLIB=OFF", "-DCURL_BROTLI=OFF",
                        "-DCURL_ZSTD=OFF", "-DUSE_NGHTTP2=OFF",
                        "-DCURL_USE_LIBSSH2=OFF", "-DBUILD_TESTING=ON"])),
    "mbedtls": ("Mbed-TLS/mbedtls", "daca7a3979c22da155ec9dce49ab1abf3b65d3a9",  # v3.5.2
                ("cmake", ["-DENABLE_TESTING=ON", "-DENABLE_PROGRAMS=ON"])),
    "googletest": ("google/googletest", "52eb8108c5bdec04579160ae17225d66034bd723",  # v1.17.0
                   ("cmake", ["-Dgtest_build_tests=ON", "-Dgmock_build_tests=ON"])),
    "benchmark": ("google/benchmark", "eddb0241389718a23a42db6af5f0164b6e0139af",  # v1.9.4
                  ("cmake", ["-DBENCHMARK_ENABLE_TESTING=OFF"])),
    "leveldb": ("google/leveldb", "99b3c03b3284f5886f9ef9a4ef703d57373e61be",  # 1.23
                ("cmake", ["-DLEVELDB_BUILD_BENCHMARKS=OFF", "-DCMAKE_CXX_STANDARD=17",
                           "-DLEVELDB_INSTALL=OFF"])),
    "abseil": ("abseil/abseil-cpp", "d38452e1ee03523a208362186fd42248ff2609f6",  # 20250814.1
               ("cmake", ["-DABSL_BUILD_TESTING=ON", "-DABSL_USE_EXTERNAL_GOOGLETEST=OFF",
                          "-DABSL_LOCAL_GOOGLETEST_DIR={src:googletest}",
                          "-DCMAKE_CXX_STANDARD=17"])),
    "fmt": ("fmtlib/fmt", "40626af88bd7df9a5fb80be7b25ac85b122d6c21",  # 11.2.0
            ("cmake", ["-DFMT_TEST=ON", "-DFMT_DOC=OFF"])),
    "json": ("nlohmann/json", "9cca280a4d0ccf0c08f47a99aa71d1b0e52f8d03",  # v3.11.3
             ("scale", "json")),
    # A header-only JSON library of templates over encodings and
    # allocators (unit tests of issue 11's template-heavy measurements):
    # its unit and performance tests (CMake's flags for clang: -march=native,
    # -Werror, -Weffc++), googletest from the corpus's own checkout.
    "rapidjson": ("Tencent/rapidjson", "24b5e7a8b27f42fa16b96fc70aade9106cf7102f",  # master, 5 Feb 2025
                  ("cmake", ["-DRAPIDJSON_BUILD_TESTS=ON", "-DRAPIDJSON_BUILD_EXAMPLES=OFF",
                             "-DRAPIDJSON_BUILD_DOC=OFF",
                             "-DGTEST_SOURCE_DIR={src:googletest}/googletest",
                             "-DGOOGLETEST_VERSION=1.17.0",
                             # gtest-all.cc under its -Werror: libstdc++'s
                             # deprecated get_temporary_buffer.
                             "-DCMAKE_CXX_FLAGS=-Wno-deprecated-declarations"])),
    "etl": ("ETLCPP/etl", "6d14a73e2ee0a8aa9f8c5c6ae737d42cd0631c09",  # 20.41.0
            ("scale", "etl")),
    # A service-style C++17 library: an event loop, TCP server and client,
    # timers, task queues, an asynchronous logger (newcomer trial).
    "trantor": ("an-tao/trantor", "63a4e5e164e219dc3bf30cdbfa1462ae5602fa97",  # v1.5.28
                ("cmake", ["-DBUILD_TESTING=ON", "-DTRANTOR_USE_TLS=none",
                           "-DBUILD_C-ARES=OFF"])),
    # Embedded code where the expected answer is known (bench/README.md,
    # "Newcomer trial").
    "littlefs": ("littlefs-project/littlefs",
                 "adad0fbbcf5382c20978d07f94f9c13be9041c1b",  # v2.11.2
                 ("scale", "littlefs")),
    # A TCP/IP stack for microcontrollers, in C, with lwIP's unix port and
    # example application (newcomer trial): its own pools, no malloc.
    "lwip": ("lwip-tcpip/lwip", "77dcd25a72509eb83f72b033d219b1d40cd8eb95",  # STABLE-2_2_1_RELEASE
             ("scale", "lwip")),
    # A template-heavy header-only ECS used in game frames (newcomer trial):
    # its tests and examples, googletest from the corpus's own checkout.
    "entt": ("skypjack/entt", "b4e58bdd364ad72246c123a0c28538eab3252672",  # v3.16.0
             ("cmake", ["-DENTT_BUILD_TESTING=ON", "-DENTT_BUILD_EXAMPLE=ON",
                        "-DFETCHCONTENT_SOURCE_DIR_GOOGLETEST={src:googletest}",
                        "-DFETCHCONTENT_FULLY_DISCONNECTED=ON"])),
    # An RTOS kernel in C on its POSIX simulator port, heap_4.c as its heap
    # (a static array), a minimal FreeRTOSConfig.h (newcomer trial).
    "freertos": ("FreeRTOS/FreeRTOS-Kernel",
                 "9b777ae5c5b8e9e456065a00294d1e5f5f9facf5",  # V11.3.0
                 ("scale", "freertos")),
    "printf": ("eyalroz/printf", "92c735948e33633b141209240b3e414b86b869bf",  # v6.4.0
               ("cmake", ["-DPRINTF_BUILD_TESTS=OFF"])),
}

# Sources that a project's build takes from another project's checkout
# (git submodules, which a snapshot does not carry).
SUBMODULES = {"leveldb": [("googletest", "third_party/googletest"),
                          ("benchmark", "third_party/benchmark")]}


def mirror_of(repo, mirrors):
    """The git directory of repo's mirror, or None."""
    base = os.path.join(mirrors, repo.replace("/", "+"), "repo")
    for candidate in (os.path.join(base, ".git"), base):
        if os.path.isfile(os.path.join(candidate, "HEAD")):
            return candidate
    return None


def missing_blobs(git, commit):
    """Paths whose content the mirror lacks (a snapshot leaves out files of
    4 MiB and more): the checkout goes without them."""
    tree = subprocess.run(["git", "--git-dir", git, "ls-tree", "-r", commit],
                          stdout=subprocess.PIPE, text=True).stdout.splitlines()
    blobs = [line.split(None, 3) for line in tree]
    blobs = [b for b in blobs if b[1] == "blob"]
    check = subprocess.run(["git", "--git-dir", git, "cat-file", "--batch-check"],
                           input="".join(b[2] + "\n" for b in blobs),
                           stdout=subprocess.PIPE, text=True).stdout.splitlines()
    return [b[3] for b, line in zip(blobs, check) if line.endswith(" missing")]


def checkout(name, work, mirrors):
    """DIR/src/NAME at the pinned commit; returns (path, None) or (None, why)."""
    repo, commit, _ = PROJECTS[name]
    dest = os.path.join(work, "src", name)
    stamp = os.path.join(dest, ".corpus-commit")
    if os.path.exists(stamp) and open(stamp).read().strip() == commit:
        return dest, None
    shutil.rmtree(dest, ignore_errors=True)
    os.makedirs(dest)
    git = mirror_of(repo, mirrors) if mirrors else None
    if git:
        archive = subprocess.run(["git", "--git-dir", git, "archive", commit, "--", "."]
                                 + [":!" + p for p in missing_blobs(git, commit)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if archive.returncode != 0:
            return None, "commit %s not in %s" % (commit[:12], git)
        subprocess.run(["tar", "-x", "-C", dest], input=archive.stdout, check=True)
    else:
        url = "https://github.com/%s.git" % repo
        for argv in (["git", "clone", "--quiet", url, dest],
                     ["git", "-C", dest, "checkout", "--quiet", commit]):
            if subprocess.run(argv, stderr=subprocess.DEVNULL).returncode != 0:
                shutil.rmtree(dest, ignore_errors=True)
                return None, "cannot clone %s at %s (no mirror, no network?)" % (url, commit[:12])
    for other, subdir in SUBMODULES.get(name, []):
        source, why = checkout(other, work, mirrors)
        if why:
            return None, "needs %s: %s" % (other, why)
        target = os.path.join(dest, subdir)
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(source, target, symlinks=True)
    with open(stamp, "w") as f:
        f.write(commit + "\n")
    return dest, None


def configure(name, work, mirrors, build_type="Debug"):
    """DIR/build/NAME with compile_commands.json; (path, None) or (None, why)."""
    src, why = checkout(name, work, mirrors)
    if why:
        return None, why
    kind, what = PROJECTS[name][2]
    build = os.path.join(work, "build", name)
    if kind == "scale":
        shutil.rmtree(build, ignore_errors=True)
        os.makedirs(build)
        return scale.database_for(what + "-" + name, src, build), None
    if os.path.exists(os.path.join(build, "compile_commands.json")):
        return build, None
    options = []
    for option in what:
        if "{src:" in option:
            other = option[option.index("{src:") + 5:option.index("}")]
            path, why = checkout(other, work, mirrors)
            if why:
                return None, "needs %s: %s" % (other, why)
            option = option.replace("{src:%s}" % other, path)
        options.append(option)
    argv = ["cmake", "-G", "Ninja", "-S", src, "-B", build,
            "-DCMAKE_C_COMPILER=clang-22", "-DCMAKE_CXX_COMPILER=clang++-22",
            "-DCMAKE_BUILD_TYPE=" + build_type,
            "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON"] + options
    log = os.path.join(work, "build", name + ".configure.log")
    os.makedirs(os.path.dirname(log), exist_ok=True)
    with open(log, "w") as out:
        status = subprocess.run(argv, stdout=out, stderr=subprocess.STDOUT).returncode
    if status != 0 or not os.path.exists(os.path.join(build, "compile_commands.json")):
        return None, "cmake failed (see %s)" % log
    return build, None


def setup(names, work, mirrors):
    """{name: build dir} of the projects that configured; prints the others."""
    ready = {}
    for name in names:
        path, why = configure(name, work, mirrors)
        if why:
            print("%s: skipped: %s" % (name, why), file=sys.stderr)
        else:
            ready[name] = path
            print("%s: %s" % (name, path))
    return ready


def parser_for(doc, noalloc=True):
    """The options the corpus scripts share: --work, --mirrors, --noalloc."""
    parser = argparse.ArgumentParser(description=doc,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", default=os.path.join(os.getcwd(), "corpus-work"),
                        help="scratch directory: checkouts, builds, results")
    parser.add_argument("--mirrors", default=os.environ.get("NOALLOC_MIRRORS", ""),
                        help="directory of git mirrors (OWNER+NAME/repo); default: clone by URL")
    if noalloc:
        parser.add_argument("--noalloc", default=os.path.join(ROOT, "build", "tool", "noalloc"))
    return parser


def main():
    parser = parser_for(__doc__, noalloc=False)
    parser.add_argument("mode", choices=["setup", "list"])
    parser.add_argument("names", nargs="*")
    args = parser.parse_args()
    names = args.names or list(PROJECTS)
    unknown = [n for n in names if n not in PROJECTS]
    if unknown:
        sys.exit("corpus.py: unknown project(s): %s" % ", ".join(unknown))
    if args.mode == "list":
        for name in names:
            repo, commit, recipe = PROJECTS[name]
            print("%-10s %-20s %s %s" % (name, repo, commit, json.dumps(recipe)))
        return
    setup(names, os.path.abspath(args.work), args.mirrors)


if __name__ == "__main__":
    main()
