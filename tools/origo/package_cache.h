//===- tools/origo/package_cache.h - compiled packages, cached -*- C++ -*-===//
/// \file
/// Objects of imported packages kept between builds, as `go build` keeps
/// its build cache: one object per package, found by a key that hashes
/// everything the object depends on — the compiler itself, the target and
/// options, the package's path and sources, and the keys of the packages
/// it imports (their types shape its code). A package whose key is cached
/// is not compiled again.
//===----------------------------------------------------------------------===//
#pragma once

#include <string>
#include <vector>

namespace origo::driver {

/// Builds a cache key from the parts that decide an object's contents.
class CacheKey {
public:
  CacheKey();
  void add(const std::string &part);
  /// The key, as 64 hex digits (SHA-256).
  std::string finish();

private:
  std::string data_;
};

/// Identity of the running origo binary (path, size, modification time):
/// a rebuilt compiler never reuses objects of the old one.
std::string compilerIdentity();

/// Where the object of key lives in cacheDir (which need not exist yet).
std::string cachedObjectPath(const std::string &cacheDir, const std::string &key);

/// Moves a freshly written object into the cache atomically (concurrent
/// builds may race to store the same key; either copy is fine). Returns
/// false with err set when the cache cannot be written.
bool storeObject(const std::string &tmpObject, const std::string &cachedPath, std::string &err);

} // namespace origo::driver
