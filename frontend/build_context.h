//===- frontend/build_context.h - build constraints -------------*- C++ -*-===//
/// \file
/// The build context of a compilation (GOOS, GOARCH, GOROOT, tags) and the
/// rules that decide which files of a directory belong to a build, as
/// go/build applies them: file-name rules (`_test.go`, leading `_` or `.`,
/// `_GOOS`/`_GOARCH` suffixes), `//go:build` expressions and, in files
/// without one, the older `// +build` lines, both only in the header
/// comments before the package clause.
//===----------------------------------------------------------------------===//
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace origo {

struct BuildContext {
  std::string goos = "linux", goarch = "amd64", goroot = "/usr/share/go-1.19";
  /// Custom build tags (`-tags`); "gc" makes files written for gc's
  /// runtime selected, "purego" and "math_big_pure_go" pick pure-Go
  /// fallbacks over assembly.
  std::vector<std::string> tags{"purego", "gc", "math_big_pure_go"};
  bool cgo = false;
  /// origo's own sources of replaced packages (stdlib/): a package found
  /// at overlay/<import path> is loaded from there instead of GOROOT.
  std::string overlay;
  /// The module of the program being built (go.mod's module path and its
  /// directory): imports under modulePath are its own packages.
  std::string modulePath, moduleDir;
  /// gc 1.19's tool tags on amd64 and arm64 (the GOEXPERIMENTs on by
  /// default), so that file selection agrees with `go list`.
  std::vector<std::string> toolTags{"goexperiment.regabiwrappers", "goexperiment.regabiargs"};

  /// Whether a single build tag is satisfied: GOOS, GOARCH, "unix" on
  /// Unix systems, "cgo" when enabled, custom and tool tags, and the
  /// release tags go1.1 ... go1.19.
  bool matchTag(std::string_view tag) const;

  /// Evaluates a `//go:build` expression (the text after `//go:build`):
  /// tags, `!`, `&&`, `||` and parentheses. Returns false and sets err on
  /// a syntax error (err then reads like go/build's).
  bool evalGoBuild(std::string_view expr, bool &result, std::string &err) const;

  /// Evaluates the arguments of one `// +build` line: space-separated
  /// options are ORed, comma-separated terms ANDed, `!` negates.
  /// Malformed terms never match, as in go/build.
  bool evalPlusBuild(std::string_view args) const;

  /// Whether a file's header constraints are satisfied: its `//go:build`
  /// line if it has one, else all of its `// +build` lines. Returns false
  /// and sets err when the header is malformed (two //go:build lines, a
  /// bad expression).
  bool matchHeader(std::string_view content, bool &result, std::string &err) const;

  /// The file-name rules: a `.go` name not starting with `_` or `.`, not a
  /// `_test.go` file, and whose `_GOOS`, `_GOARCH` or `_GOOS_GOARCH`
  /// suffix (if any) matches this context.
  bool matchFileName(std::string_view name) const;
};

/// GOOS and GOARCH values go/build knows (go/build/syslist.go); only these
/// give a file-name suffix a meaning.
bool isKnownOS(std::string_view s);
bool isKnownArch(std::string_view s);

} // namespace origo
