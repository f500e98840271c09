//===- frontend/source.cpp - source files and diagnostics -----------------===//
/// \file
/// Loading source files and printing diagnostics the way gc prints them.
//===----------------------------------------------------------------------===//
#include "frontend/source.h"

#include <algorithm>
#include <tuple>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

namespace origo {

bool SourceManager::load(const std::string &path, uint32_t &id, std::string &err) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    err = "open " + path + ": " + std::strerror(errno);
    return false;
  }
  if (S_ISDIR(st.st_mode)) {
    err = "read " + path + ": is a directory";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    err = "open " + path + ": " + std::strerror(errno);
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) {
    err = "read " + path + ": " + std::strerror(errno);
    return false;
  }
  id = add(path, ss.str());
  char buf[PATH_MAX];
  if (realpath(path.c_str(), buf))
    files_[id].absPath = buf;
  return true;
}

uint32_t SourceManager::add(std::string name, std::string text) {
  SourceFile f;
  f.absPath = name;
  f.name = std::move(name);
  f.text = std::move(text);
  files_.push_back(std::move(f));
  return uint32_t(files_.size() - 1);
}

uint32_t SourceManager::addVirtual(const std::string &name) const {
  for (uint32_t i = 0; i < files_.size(); ++i)
    if (files_[i].name == name && files_[i].text.empty()) return i;
  SourceFile f;
  f.name = name;
  f.absPath = name;
  files_.push_back(std::move(f));
  return uint32_t(files_.size() - 1);
}

std::string Diagnostics::formatPos(const SourceManager &sm, Pos pos, const DiagOptions &opts) {
  if (!pos.valid() || pos.file >= sm.size())
    return "<unknown>";
  std::string name = sm.file(pos.file).name;
  bool physical = !sm.file(pos.file).text.empty(); // //line names are printed as given
  if (physical && !opts.pathPrefix.empty() && !name.empty() && name[0] != '/' && name.rfind("./", 0) != 0 &&
      name.rfind("../", 0) != 0)
    name = opts.pathPrefix + name;
  std::string s = name + ":" + std::to_string(pos.line);
  if (opts.columns && pos.col != 0) // //line bases without a column have none
    s += ":" + std::to_string(pos.col);
  return s;
}

void Diagnostics::print(std::FILE *out, const SourceManager &sm, const DiagOptions &opts) const {
  std::vector<const Diagnostic *> sorted;
  for (const Diagnostic &d : list_)
    sorted.push_back(&d);
  // gc orders by file name, then line and column.
  auto key = [&](const Diagnostic *d) {
    const std::string &name = d->pos.file < sm.size() ? sm.file(d->pos.file).name : std::string();
    return std::tie(name, d->pos.line, d->pos.col);
  };
  std::stable_sort(sorted.begin(), sorted.end(),
                   [&](const Diagnostic *a, const Diagnostic *b) { return key(a) < key(b); });
  int printed = 0;
  const Diagnostic *last = nullptr;
  uint32_t lastSyntaxFile = UINT32_MAX, lastSyntaxLine = 0;
  for (const Diagnostic *d : sorted) {
    if (last && last->pos.file == d->pos.file && last->pos.line == d->pos.line && last->msg == d->msg)
      continue;
    if (d->syntax) {
      if (d->pos.file == lastSyntaxFile && d->pos.line == lastSyntaxLine)
        continue;
      lastSyntaxFile = d->pos.file;
      lastSyntaxLine = d->pos.line;
    }
    if (!opts.allErrors && printed == 10) {
      std::fprintf(out, "%s: too many errors\n", formatPos(sm, d->pos, opts).c_str());
      return;
    }
    std::fprintf(out, "%s: %s\n", formatPos(sm, d->pos, opts).c_str(), d->msg.c_str());
    ++printed;
    last = d;
  }
}

} // namespace origo
