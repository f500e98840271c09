//===- frontend/loader.h - package loading ----------------------*- C++ -*-===//
/// \file
/// Resolves import paths to directories of the Go source tree, selects
/// their files by the build context (build_context.h), parses them and
/// collects their imports; orders packages so dependencies come first and
/// reports import cycles in gc's words. This is go/build's ImportDir for
/// the standard library in GOPATH mode: GOROOT/src/<path>, and
/// GOROOT/src/vendor/<path> for vendored imports made from std packages.
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/ast.h"
#include "frontend/build_context.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace origo {

/// The selected, parsed files of one package.
struct PackageSource {
  std::string importPath; ///< canonical: "vendor/golang.org/x/..." for vendored packages
  std::string dir;
  std::string name; ///< the package clause's name
  std::vector<std::unique_ptr<syntax::Tree>> files; ///< sorted by file name
  std::vector<std::string> goFiles; ///< base names of files, in the same order
  /// Canonical import paths of every file's imports, sorted and unique.
  std::vector<std::string> imports;
  /// Import paths as written that resolve elsewhere (vendored packages),
  /// mapped to their canonical paths, like `go list`'s ImportMap.
  std::map<std::string, std::string> importMap;
  /// Syntax errors of the files (also reported to the loader's Diagnostics).
  std::vector<Diagnostic> syntaxErrors;

  /// The canonical path of an import as written in this package.
  const std::string &resolve(const std::string &written) const {
    auto it = importMap.find(written);
    return it == importMap.end() ? written : it->second;
  }
};

class Loader {
public:
  Loader(SourceManager &sm, Diagnostics &diags, BuildContext ctx = {});

  const BuildContext &context() const { return ctx_; }

  /// Loads the package at a canonical import path (cached). "unsafe" is a
  /// pseudo-package without files. Returns nullptr and sets err when the
  /// directory does not exist or has no buildable Go files.
  const PackageSource *load(const std::string &importPath, std::string &err);

  /// Loads root and everything it imports, transitively, and returns the
  /// packages dependencies first (each once; ties in import-path order).
  /// On a missing package or an import cycle returns {} and sets err; a
  /// cycle reads like gc's `package a\n\timports b\n\timports a: import
  /// cycle not allowed`.
  std::vector<const PackageSource *> dependencyOrder(const std::string &root, std::string &err);

private:
  /// The canonical path of `path` imported from the package `from`.
  std::string resolveImport(const std::string &from, const std::string &path) const;
  bool visit(const std::string &path, std::vector<std::string> &stack,
             std::map<std::string, int> &state, std::vector<const PackageSource *> &out,
             std::string &err);

  SourceManager &sm_;
  Diagnostics &diags_;
  BuildContext ctx_;
  std::map<std::string, std::unique_ptr<PackageSource>> cache_;
  std::map<std::string, std::string> failed_; ///< import path -> error
};

/// Whether a Go source file imports "C" (a cgo file), from its text: only
/// the import declarations after the package clause are read.
bool importsC(std::string_view text);

/// The names, sorted, of the files of dir that the context selects (name
/// rules, header constraints, cgo). Files with malformed headers are left
/// out, with their errors appended to errs (as `file: reason`).
std::vector<std::string> selectGoFiles(const BuildContext &ctx, const std::string &dir,
                                       std::vector<std::string> *errs = nullptr);

/// What `go list std` prints for this context: every directory under
/// GOROOT/src with selected files, outside cmd/, testdata and directories
/// named `_x` or `.x`, vendored ones as `vendor/golang.org/...`; sorted.
/// Like cmd/go, leaves out `builtin` (documentation only) and, without
/// cgo, `runtime/cgo`. Unlike `go list std`, directories with only test
/// files (embed/internal/embedtest) are left out: there is nothing to build.
std::vector<std::string> stdPackages(const BuildContext &ctx);

} // namespace origo
