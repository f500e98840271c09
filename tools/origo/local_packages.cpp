//===- tools/origo/local_packages.cpp - packages imported by path ---------===//
/// \file
/// Package files and the resolution of local imports (see the header).
//===----------------------------------------------------------------------===//
#include "tools/origo/local_packages.h"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace origo::driver {

namespace fs = std::filesystem;

bool writePackageFile(const std::string &out, const PackageFile &pf, std::string &err) {
  std::ofstream f(out, std::ios::trunc);
  if (!f) {
    err = "open " + out + ": " + std::strerror(errno);
    return false;
  }
  f << PackageFileMagic << "\n";
  f << "path " << pf.path << "\n";
  if (!pf.localDir.empty()) f << "localdir " << pf.localDir << "\n";
  for (const std::string &d : pf.includeDirs) f << "include " << d << "\n";
  for (const std::string &s : pf.files) f << "file " << s << "\n";
  f.close();
  if (!f) {
    err = "write " + out + ": " + std::strerror(errno);
    return false;
  }
  return true;
}

bool readPackageFile(const std::string &in, PackageFile &pf, std::string &err) {
  std::ifstream f(in);
  std::string line;
  if (!f || !std::getline(f, line) || line != PackageFileMagic) {
    err = in + ": not a package file written by origo";
    return false;
  }
  while (std::getline(f, line)) {
    size_t sp = line.find(' ');
    std::string key = line.substr(0, sp), value = sp == std::string::npos ? "" : line.substr(sp + 1);
    if (key == "path") pf.path = value;
    else if (key == "localdir") pf.localDir = value;
    else if (key == "include") pf.includeDirs.push_back(value);
    else if (key == "file") pf.files.push_back(value);
    else {
      err = in + ": unknown line \"" + line + "\"";
      return false;
    }
  }
  if (pf.path.empty() || pf.files.empty()) {
    err = in + ": incomplete package file";
    return false;
  }
  return true;
}

bool isLocalImport(const std::string &path) {
  return path == "." || path == ".." || path.rfind("./", 0) == 0 || path.rfind("../", 0) == 0;
}

static bool hasGoFiles(const fs::path &dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return false;
  for (const auto &e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".go") return true;
  return false;
}

bool findLocalPackage(const std::string &path, const std::string &localDir,
                      const std::vector<std::string> &includeDirs, LocalPackage &out, std::string &err) {
  std::error_code ec;
  fs::path base = localDir.empty() ? fs::current_path(ec) : fs::path(localDir);
  std::string joined = (base / path).lexically_normal().string();
  if (joined.size() > 1 && joined.back() == '/') joined.pop_back();
  out.canonical = joined;
  // Candidate locations of the package file, as gc's findpkg.
  std::vector<fs::path> roots;
  if (fs::path(joined).is_absolute() || joined.rfind("./", 0) == 0) roots.push_back("");
  else
    for (const std::string &d : includeDirs) roots.push_back(d);
  for (const fs::path &r : roots)
    for (const char *ext : {".a", ".o"}) {
      fs::path p = r.empty() ? fs::path(joined + ext) : r / (joined + ext);
      if (fs::is_regular_file(p, ec)) {
        out.packageFile = p.string();
        return true;
      }
    }
  for (const fs::path &r : roots) {
    fs::path d = r.empty() ? fs::path(joined) : r / joined;
    if (hasGoFiles(d)) {
      out.sourceDir = d.string();
      return true;
    }
  }
  err = "open " + joined + ".a: no such file or directory";
  return false;
}

} // namespace origo::driver
