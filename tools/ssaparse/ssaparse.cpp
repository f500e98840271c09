//===- tools/ssaparse/ssaparse.cpp - SSA text round trip ------------------===//
/// \file
/// `origo_ssaparse [-check] FILE...` reads the SSA text of each FILE (`-`
/// is stdin) as `origo build -stop-after=ssa` and `-d=ssa/<pass>/dump`
/// print it, runs ssa::verify on every function and prints them again.
/// With -check nothing is printed; instead the text printed must equal the
/// input without its comment (`#`) and blank lines, else the first
/// differing line is reported. Exit status 1 on any error.
//===----------------------------------------------------------------------===//
#include "ssa/ssa.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

using namespace origo;

namespace {

bool readFile(const std::string &path, std::string &text) {
  std::ostringstream ss;
  if (path == "-") {
    ss << std::cin.rdbuf();
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    ss << in.rdbuf();
  }
  text = ss.str();
  return true;
}

/// The lines a dump consists of: neither blank nor comments.
std::vector<std::string> dumpLines(const std::string &text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) {
    size_t b = l.find_first_not_of(" \t");
    if (b == std::string::npos || l[b] == '#') continue;
    lines.push_back(l);
  }
  return lines;
}

/// Round-trips one file; returns false after reporting a problem.
bool process(const std::string &path, bool check) {
  std::string text, err;
  if (!readFile(path, text)) {
    std::fprintf(stderr, "%s: cannot read\n", path.c_str());
    return false;
  }
  types::Program prog;
  auto funcs = ssa::parse(text, prog, nullptr, err);
  if (!err.empty()) {
    std::fprintf(stderr, "%s:%s\n", path.c_str(), err.c_str());
    return false;
  }
  std::string out;
  bool ok = true;
  for (auto &f : funcs) {
    std::string errs = ssa::verify(*f);
    if (!errs.empty()) {
      std::fprintf(stderr, "%s: parsed function does not verify:\n%s", path.c_str(), errs.c_str());
      ok = false;
    }
    out += ssa::dump(*f);
  }
  if (!check) {
    std::fputs(out.c_str(), stdout);
    return ok;
  }
  std::vector<std::string> want = dumpLines(text), got = dumpLines(out);
  for (size_t i = 0; i < std::max(want.size(), got.size()); ++i) {
    std::string w = i < want.size() ? want[i] : "<end of input>", g = i < got.size() ? got[i] : "<end of output>";
    if (w != g) {
      std::fprintf(stderr, "%s: round trip differs at dump line %zu:\n  input:   %s\n  printed: %s\n", path.c_str(),
                   i + 1, w.c_str(), g.c_str());
      return false;
    }
  }
  if (funcs.empty()) {
    std::fprintf(stderr, "%s: no functions\n", path.c_str());
    return false;
  }
  if (ok) std::printf("ok %s (%zu functions)\n", path.c_str(), funcs.size());
  return ok;
}

} // namespace

int main(int argc, char **argv) {
  bool check = false;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "-check" || a == "--check") check = true;
    else if (a.size() > 1 && a[0] == '-') {
      std::fprintf(stderr, "usage: origo_ssaparse [-check] FILE...\n");
      return 2;
    } else files.push_back(a);
  }
  if (files.empty()) files.push_back("-");
  bool ok = true;
  for (const std::string &f : files) ok = process(f, check) && ok;
  return ok ? 0 : 1;
}
