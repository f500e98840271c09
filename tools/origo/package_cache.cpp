//===- tools/origo/package_cache.cpp - compiled packages, cached ----------===//
/// \file
/// The build cache of package objects (package_cache.h).
//===----------------------------------------------------------------------===//
#include "tools/origo/package_cache.h"

#include <llvm/ADT/StringRef.h>
#include <llvm/Support/SHA256.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace origo::driver {

CacheKey::CacheKey() = default;

void CacheKey::add(const std::string &part) {
  // Length-prefixed, so that parts cannot run into each other.
  data_ += std::to_string(part.size());
  data_ += ':';
  data_ += part;
}

std::string CacheKey::finish() {
  llvm::SHA256 h;
  h.update(llvm::StringRef(data_));
  std::array<uint8_t, 32> sum = h.final();
  static const char hex[] = "0123456789abcdef";
  std::string out;
  for (uint8_t b : sum) {
    out += hex[b >> 4];
    out += hex[b & 15];
  }
  return out;
}

std::string compilerIdentity() {
  std::error_code ec;
  std::string exe = std::filesystem::read_symlink("/proc/self/exe", ec).string();
  struct stat st;
  if (exe.empty() || stat(exe.c_str(), &st) != 0) return "unknown";
  return exe + ":" + std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
         std::to_string(st.st_mtim.tv_nsec);
}

std::string cachedObjectPath(const std::string &cacheDir, const std::string &key) {
  // Two-level fan-out as go's cache does.
  return cacheDir + "/" + key.substr(0, 2) + "/" + key + ".o";
}

bool storeObject(const std::string &tmpObject, const std::string &cachedPath, std::string &err) {
  std::error_code ec;
  std::filesystem::path dst(cachedPath);
  std::filesystem::create_directories(dst.parent_path(), ec);
  if (ec) {
    err = "cannot create the build cache " + dst.parent_path().string() + ": " + ec.message();
    return false;
  }
  // Copy next to the destination, then rename: readers see a whole file.
  std::string tmp = cachedPath + ".tmp" + std::to_string(getpid());
  std::filesystem::copy_file(tmpObject, tmp, std::filesystem::copy_options::overwrite_existing, ec);
  if (!ec) std::filesystem::rename(tmp, dst, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    err = "cannot write the build cache " + cachedPath + ": " + ec.message();
    return false;
  }
  return true;
}

} // namespace origo::driver
