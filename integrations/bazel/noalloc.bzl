"""noalloc for Bazel: each translation unit analysed once, linked per program.

`noalloc_facts_aspect` runs noalloc once for every C or C++ source that a
cc_library, cc_binary or cc_test compiles (following `deps`), with the
flags Bazel's C++ toolchain compiles it with. Each action's output is one
directory holding that unit's result (`--results-dir`: its facts,
docs/facts.md, and the findings of noalloc's checks in it, files named
relative to the execution root); its inputs are the source, the headers it
may include and the noalloc binary, so Bazel's remote execution and remote
cache distribute and share the work.

`noalloc_link` runs `noalloc link` over the results of its `deps`'
transitive closure and writes the whole program's report: the same
findings as `noalloc -p` over a compilation database of the same units.

    bazel build //... --aspects=@noalloc//integrations/bazel:noalloc.bzl%noalloc_facts_aspect \\
        --output_groups=noalloc_facts

See docs/integrations.md, section "Bazel".
"""

load("@bazel_tools//tools/build_defs/cc:action_names.bzl", "ACTION_NAMES")
load("@bazel_tools//tools/cpp:toolchain_utils.bzl", "find_cpp_toolchain")

NoallocFactsInfo = provider(
    doc = "The facts of a target's translation units and of its deps'.",
    fields = {
        "facts": "depset of directories, each holding one unit's result (facts and findings)",
        "sources": "depset of the sources and headers the facts name",
    },
)

_C_EXTENSIONS = ["c"]
_CXX_EXTENSIONS = ["cc", "cpp", "cxx", "c++", "C"]
_RULES = ["cc_library", "cc_binary", "cc_test"]

# Flags of GCC that clang rejects, which Bazel's autoconfigured GCC
# toolchain adds to every compile.
_GCC_ONLY_FLAGS = ["-fno-canonical-system-headers"]

# noalloc's exit status: 0 nothing found, 1 findings, 2 errors. Findings
# are the link's business: an extraction fails only on errors, and then
# shows what noalloc printed (a unit that does not compile says why there).
_EXTRACT = """\
report=$("$@")
status=$?
if [ "$status" -gt 1 ]; then
  printf '%s\\n' "$report"
  exit "$status"
fi
"""

def _user_flags(ctx, is_cxx):
    """The flags a target adds for a source: --copt, --cxxopt or --conlyopt, copts."""
    cpp = ctx.fragments.cpp
    flags = list(getattr(cpp, "copts", []))
    flags += getattr(cpp, "cxxopts" if is_cxx else "conlyopts", [])
    for flag in getattr(ctx.rule.attr, "copts", []):
        flags.append(ctx.expand_make_variables("copts", flag, {}))
    return flags

def _compile_flags(ctx, cc_toolchain, features, compilation, is_cxx):
    """The compile command's flags for one source, as the toolchain writes them.

    The source file and the output are left out: noalloc is given the source
    and writes no object.
    """
    defines = [compilation.defines]
    if hasattr(compilation, "local_defines"):
        defines.append(compilation.local_defines)
    variables = cc_common.create_compile_variables(
        feature_configuration = features,
        cc_toolchain = cc_toolchain,
        user_compile_flags = _user_flags(ctx, is_cxx),
        include_directories = compilation.includes,
        quote_include_directories = compilation.quote_includes,
        system_include_directories = compilation.system_includes,
        framework_include_directories = compilation.framework_includes,
        preprocessor_defines = depset(transitive = defines),
    )
    flags = cc_common.get_memory_inefficient_command_line(
        feature_configuration = features,
        action_name = ACTION_NAMES.cpp_compile if is_cxx else ACTION_NAMES.c_compile,
        variables = variables,
    )
    return [flag for flag in flags if flag not in _GCC_ONLY_FLAGS]

def _facts_directory(ctx, source):
    """Where a source's facts go: unique per target and source."""
    path = source.short_path.replace("../", "external/")
    return ctx.actions.declare_directory(
        "_noalloc_facts/%s/%s" % (ctx.label.name, path),
    )

def _extract(ctx, noalloc, cc_toolchain, features, compilation, source, headers):
    """Declares the action that writes one translation unit's result."""
    is_cxx = source.extension in _CXX_EXTENSIONS
    facts = _facts_directory(ctx, source)
    args = ctx.actions.args()
    args.add(noalloc)
    # noalloc's own checks, with their defaults: the link narrows them
    # (noalloc_link's `checks`).
    args.add_all(["--no-cache", "--quiet"])
    args.add(facts.path, format = "--results-dir=%s")
    args.add(source)
    args.add("--")
    args.add_all(_compile_flags(ctx, cc_toolchain, features, compilation, is_cxx))
    ctx.actions.run_shell(
        command = _EXTRACT,
        arguments = [args],
        inputs = depset([source], transitive = [headers, cc_toolchain.all_files]),
        tools = [noalloc],
        outputs = [facts],
        mnemonic = "NoallocFacts",
        progress_message = "Extracting noalloc facts of %s" % source.short_path,
    )
    return facts

def _noalloc_facts_aspect_impl(target, ctx):
    deps = [d[NoallocFactsInfo] for d in getattr(ctx.rule.attr, "deps", []) if NoallocFactsInfo in d]
    facts = []
    sources = []
    headers = depset()
    if ctx.rule.kind in _RULES and CcInfo in target:
        compilation = target[CcInfo].compilation_context
        cc_toolchain = find_cpp_toolchain(ctx)
        features = cc_common.configure_features(
            ctx = ctx,
            cc_toolchain = cc_toolchain,
            requested_features = ctx.features,
            unsupported_features = ctx.disabled_features,
        )
        compiled = _C_EXTENSIONS + _CXX_EXTENSIONS
        srcs = getattr(ctx.rule.files, "srcs", [])
        units = [f for f in srcs if f.extension in compiled]

        # The target's private headers are in srcs, not in its context. A
        # unit's inputs are its headers only: editing one source extracts
        # that source again, not its neighbours.
        headers = depset(
            [f for f in srcs if f.extension not in compiled],
            transitive = [compilation.headers],
        )
        noalloc = ctx.file._noalloc
        for source in units:
            facts.append(_extract(ctx, noalloc, cc_toolchain, features, compilation, source, headers))
        sources = units
    all_facts = depset(facts, transitive = [d.facts for d in deps])
    return [
        NoallocFactsInfo(
            facts = all_facts,
            sources = depset(sources, transitive = [headers] + [d.sources for d in deps]),
        ),
        OutputGroupInfo(noalloc_facts = all_facts),
    ]

noalloc_facts_aspect = aspect(
    implementation = _noalloc_facts_aspect_impl,
    doc = "Extracts noalloc's facts of every C and C++ source compiled by " +
          "cc_library, cc_binary and cc_test, one action per source, along deps. " +
          "Output group: noalloc_facts (the facts of the target and its deps).",
    attr_aspects = ["deps"],
    attrs = {
        "_noalloc": attr.label(
            default = Label("//:noalloc"),
            allow_single_file = True,
            cfg = "exec",
            doc = "The noalloc binary: target `noalloc` of this repository's root package.",
        ),
        "_cc_toolchain": attr.label(
            default = Label("@bazel_tools//tools/cpp:current_cc_toolchain"),
        ),
    },
    fragments = ["cpp"],
    provides = [NoallocFactsInfo],
    toolchains = ["@bazel_tools//tools/cpp:toolchain_type"],
)

# The link runs in the execution root; the report names files relative to
# it (the workspace's own paths), and its status follows noalloc's.
_LINK = """\
report="$1"
fail_on_findings="$2"
shift 2
"$@" > "$report.raw"
status=$?
sed -e "s|$PWD/||g" "$report.raw" > "$report"
rm -f "$report.raw"
if [ "$status" -gt 1 ] || { [ "$status" -eq 1 ] && [ "$fail_on_findings" = 1 ]; }; then
  cat "$report"
  exit "$status"
fi
"""

_FORMATS = {"text": "txt", "json": "json", "sarif": "sarif"}

def _noalloc_link_impl(ctx):
    infos = [d[NoallocFactsInfo] for d in ctx.attr.deps]
    facts = depset(transitive = [i.facts for i in infos])
    report = ctx.actions.declare_file("%s.%s" % (ctx.label.name, _FORMATS[ctx.attr.format]))
    args = ctx.actions.args()
    args.add(report)
    args.add("1" if ctx.attr.fail_on_findings else "0")
    args.add(ctx.file._noalloc)
    args.add("link")
    if ctx.attr.checks:
        args.add(ctx.attr.checks, format = "--checks=%s")
    args.add(ctx.attr.format, format = "--format=%s")
    if ctx.attr.format == "sarif":
        args.add("--sarif-root=.")
    args.add_all(ctx.attr.options)
    args.add_all(facts, expand_directories = False)
    ctx.actions.run_shell(
        command = _LINK,
        arguments = [args],
        inputs = depset(ctx.files.config, transitive = [facts] + [i.sources for i in infos]),
        tools = [ctx.file._noalloc],
        outputs = [report],
        mnemonic = "NoallocLink",
        progress_message = "Linking noalloc facts for %s" % ctx.label,
    )
    return [DefaultInfo(files = depset([report]))]

noalloc_link = rule(
    implementation = _noalloc_link_impl,
    doc = "Links the noalloc facts of deps' transitive closure into one report, " +
          "<name>.txt (or .json, .sarif).",
    attrs = {
        "deps": attr.label_list(
            aspects = [noalloc_facts_aspect],
            doc = "The programs (cc_binary, cc_test) or libraries to report on.",
        ),
        "checks": attr.string(
            default = "",
            doc = "noalloc's --checks, to narrow what is reported (default: every " +
                  "check that ran in the extraction, noalloc's defaults).",
        ),
        "format": attr.string(default = "text", values = _FORMATS.keys()),
        "options": attr.string_list(
            doc = "More options of noalloc link: --baseline=..., --header-filter is not one.",
        ),
        "config": attr.label_list(
            allow_files = True,
            doc = "The .noalloc.yaml and .clang-tidy files that apply (roots, allowed zones).",
        ),
        "fail_on_findings": attr.bool(
            default = False,
            doc = "Fail the build when noalloc finds something (exit status 1).",
        ),
        "_noalloc": attr.label(
            default = Label("//:noalloc"),
            allow_single_file = True,
            cfg = "exec",
        ),
    },
)
