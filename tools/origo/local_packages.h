//===- tools/origo/local_packages.h - packages imported by path -*- C++ -*-===//
/// \file
/// Local imports ("./a", "../b") as gc resolves them for `go tool compile
/// -D dir -I dir`: the path is joined to the -D directory (the current
/// one without it), then found as PATH.a or PATH.o — directly when the
/// joined path is absolute or starts with "./", else under each -I
/// directory — or, failing that, as a directory of Go source files.
///
/// What `origo tool compile -o X` writes for a package is, until code
/// generation writes objects per package, a package file naming the
/// package's sources and the -D/-I settings they were compiled with; the
/// importer type-checks those sources again. Its first line is
/// PackageFileMagic, so a stale or foreign file is recognised.
//===----------------------------------------------------------------------===//
#pragma once

#include <string>
#include <vector>

namespace origo::driver {

inline constexpr const char *PackageFileMagic = "!origo-package v0";

/// What a package file records.
struct PackageFile {
  std::string path;                     ///< import path (-p)
  std::string localDir;                 ///< -D, absolute ("" when not given)
  std::vector<std::string> includeDirs; ///< -I, absolute
  std::vector<std::string> files;       ///< absolute source paths
};

bool writePackageFile(const std::string &out, const PackageFile &pf, std::string &err);
bool readPackageFile(const std::string &in, PackageFile &pf, std::string &err);

/// gc's islocalname: "./x", "../x", "." or "..".
bool isLocalImport(const std::string &path);

/// Where a local import leads: a package file (set) or a source directory
/// (sourceDir set); canonical is the package's path (the joined path).
struct LocalPackage {
  std::string canonical;
  std::string packageFile;
  std::string sourceDir;
};
/// Resolves a local import; false (err set) when nothing is found.
bool findLocalPackage(const std::string &path, const std::string &localDir,
                      const std::vector<std::string> &includeDirs, LocalPackage &out, std::string &err);

} // namespace origo::driver
