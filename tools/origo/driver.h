//===- tools/origo/driver.h - the origo command (private) -------*- C++ -*-===//
/// \file
/// Shared pieces of the `origo` command: the environment (GOOS/GOARCH/
/// GOROOT), flag parsing in the style of Go's flag package, and the
/// compilation pipeline that runs every stage in order.
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/frontend.h"

#include <string>
#include <vector>

namespace origo::driver {

/// GOOS, GOARCH and friends, from the environment as `go` reads them.
struct Env {
  std::string goos = "linux";
  std::string goarch;   ///< "amd64" or "arm64"
  std::string goroot;   ///< Go source tree
  std::string cacheDir;
  std::string overlay;  ///< origo's sources of replaced packages (stdlib/), if found
  std::string modulePath, moduleDir; ///< the main package's module (go.mod), if any
  /// Reads the environment; on an unsupported GOOS/GOARCH returns false
  /// with the message in err.
  bool load(std::string &err);
};

/// What `origo build` and `origo run` were asked to do.
struct BuildRequest {
  std::vector<std::string> files;
  std::string output;       ///< -o
  std::string exeName;      ///< the executable's default name ("": the first file's)
  std::string stopAfter;    ///< parse|types|escape|ssa|llvm
  bool keepWork = false;    ///< -work
  bool forRun = false;      ///< origo run: build into the work directory
  bool optimize = true;     ///< false with -gcflags=-N
  std::vector<std::string> debug; ///< -d settings (from -gcflags)
  std::string argv0;
};

/// Runs the pipeline. Returns the exit status (0 ok, 1 compile errors,
/// 2 usage/environment errors); `built` receives the executable path.
int build(const Env &env, const BuildRequest &req, std::string &built);

/// `origo tool compile`: front end only, gc's diagnostics format.
int toolCompile(const Env &env, const std::vector<std::string> &args);

/// Splits a command-line flag in Go's syntax (-name, --name, -name=value):
/// false if arg is not a flag; hasValue tells whether "=value" was given.
bool splitFlag(const std::string &arg, std::string &name, std::string &value, bool &hasValue);

/// Prints "origo: msg" on stderr; returns 2.
int usageError(const std::string &msg);

} // namespace origo::driver
