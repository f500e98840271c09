//===- tools/parsecheck/parsecheck.cpp - parse a source tree, report errors ===//
/// \file
/// `origo_parsecheck [--bench | --roundtrip | --list] [DIR]` parses every
/// `.go` file under DIR (default: Go 1.19's src), skipping `testdata`
/// directories as the go command does, in sorted path order so output is
/// stable. It measures the front end's coverage of real Go code, its speed,
/// and (with the source printer) whether print-then-parse gives back the
/// same tree.
//===----------------------------------------------------------------------===//
#include "frontend/frontend.h"
#include "tools/parsecheck/tree_diff.h"

#ifdef ORIGO_HAVE_PRINTER
#include "frontend/printer.h"
#endif

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

namespace fs = std::filesystem;
using namespace origo;

namespace {

const char *const DefaultDir = "/usr/share/go-1.19/src";

/// Every .go file under dir outside testdata directories, sorted.
bool listFiles(const std::string &dir, std::vector<std::string> &out) {
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, ec), end;
  if (ec) {
    std::fprintf(stderr, "origo_parsecheck: %s: %s\n", dir.c_str(), ec.message().c_str());
    return false;
  }
  for (; it != end; it.increment(ec)) {
    if (ec) {
      std::fprintf(stderr, "origo_parsecheck: %s: %s\n", dir.c_str(), ec.message().c_str());
      return false;
    }
    const fs::path &p = it->path();
    if (it->is_directory(ec)) {
      if (p.filename() == "testdata") it.disable_recursion_pending();
      continue;
    }
    if (p.extension() == ".go" && it->is_regular_file(ec)) out.push_back(p.string());
  }
  std::sort(out.begin(), out.end());
  return true;
}

size_t countLines(const std::string &text) {
  size_t n = std::count(text.begin(), text.end(), '\n');
  if (!text.empty() && text.back() != '\n') ++n;
  return n;
}

/// The first diagnostic by position, as `file:line:col: msg`.
std::string firstError(const SourceManager &sm, const Diagnostics &diags) {
  const Diagnostic *first = nullptr;
  for (const Diagnostic &d : diags.all())
    if (!first || d.pos < first->pos) first = &d;
  return Diagnostics::formatPos(sm, first->pos, DiagOptions{}) + ": " + first->msg;
}

/// Default mode: parse each file, print the first error of each that has any.
/// The options go build compiles a standard-library file with: its package
/// is the directory below src/.
syntax::ParseOptions stdOptions(const std::string &path) {
  size_t at = path.rfind("/src/");
  std::string dir = path.substr(0, path.rfind('/'));
  return syntax::ParseOptions::forStd(at == std::string::npos ? dir : dir.substr(std::min(dir.size(), at + 5)));
}

int check(const std::vector<std::string> &files) {
  size_t lines = 0, bad = 0;
  for (const std::string &path : files) {
    SourceManager sm;
    uint32_t id;
    std::string err;
    if (!sm.load(path, id, err)) {
      std::printf("%s: %s\n", path.c_str(), err.c_str());
      ++bad;
      continue;
    }
    lines += countLines(sm.file(id).text);
    Diagnostics diags;
    auto tree = syntax::parseFile(sm, id, diags, stdOptions(path));
    if (!diags.empty()) {
      std::printf("%s\n", firstError(sm, diags).c_str());
      ++bad;
    }
  }
  std::printf("parse: %zu files, %zu lines, %zu with errors\n", files.size(), lines, bad);
  return bad ? 1 : 0;
}

/// Lexes and parses every file in ids, best of three runs; returns seconds.
double timeParses(const SourceManager &sm, const std::vector<uint32_t> &ids) {
  double best = 0;
  for (int run = 0; run < 3; ++run) {
    auto start = std::chrono::steady_clock::now();
    for (uint32_t id : ids) {
      Diagnostics diags;
      auto tree = syntax::parseFile(sm, id, diags);
    }
    std::chrono::duration<double> dt = std::chrono::steady_clock::now() - start;
    if (run == 0 || dt.count() < best) best = dt.count();
  }
  return best;
}

void printSpeed(const char *what, size_t files, size_t lines, double secs) {
  std::printf("%s: %.0f lines/s (%zu files, %zu lines, %.3f s)\n", what,
              secs > 0 ? lines / secs : 0.0, files, lines, secs);
}

/// --bench: everything read first, then lexing and parsing timed alone,
/// single-threaded, best of three runs. Files with syntax errors may stop
/// parsing early, so the files without errors are also timed on their own.
int bench(const std::vector<std::string> &files) {
  SourceManager sm;
  std::vector<uint32_t> ids, clean;
  size_t lines = 0, cleanLines = 0;
  for (const std::string &path : files) {
    uint32_t id;
    std::string err;
    if (!sm.load(path, id, err)) {
      std::fprintf(stderr, "%s: %s\n", path.c_str(), err.c_str());
      return 1;
    }
    ids.push_back(id);
    size_t n = countLines(sm.file(id).text);
    lines += n;
    Diagnostics diags;
    syntax::parseFile(sm, id, diags, stdOptions(path));
    if (diags.empty()) {
      clean.push_back(id);
      cleanLines += n;
    }
  }
  printSpeed("parse speed", ids.size(), lines, timeParses(sm, ids));
  if (clean.size() != ids.size())
    printSpeed("parse speed, files without errors", clean.size(), cleanLines,
               timeParses(sm, clean));
  return 0;
}

/// --roundtrip: parse, print, parse the printed text, compare the trees.
/// Files with syntax errors are skipped (the default mode reports them).
int roundtrip(const std::vector<std::string> &files) {
#ifndef ORIGO_HAVE_PRINTER
  (void)files;
  std::printf("roundtrip: printer not available\n");
  return 2;
#else
  size_t compared = 0, mismatches = 0, skipped = 0;
  for (const std::string &path : files) {
    SourceManager sm;
    uint32_t id;
    std::string err;
    if (!sm.load(path, id, err)) {
      ++skipped;
      continue;
    }
    Diagnostics diags;
    auto first = syntax::parseFile(sm, id, diags, stdOptions(path));
    if (!diags.empty()) {
      ++skipped;
      continue;
    }
    ++compared;
    uint32_t printed = sm.add(path + " (printed)", syntax::printFile(*first));
    auto second = syntax::parseFile(sm, printed, diags, stdOptions(path));
    if (!diags.empty()) {
      std::printf("%s: printed source does not parse: %s\n", path.c_str(),
                  firstError(sm, diags).c_str());
      ++mismatches;
      continue;
    }
    parsecheck::TreeDiff d = parsecheck::diffTrees(*first, *second);
    if (d.same) continue;
    ++mismatches;
    std::string where = path;
    if (d.a.valid())
      where = Diagnostics::formatPos(sm, (*first)[d.a].pos, DiagOptions{});
    std::printf("%s: round trip differs at %s: %s\n", where.c_str(), d.path.c_str(),
                d.what.c_str());
  }
  if (skipped)
    std::printf("roundtrip: %zu files skipped (unreadable or with syntax errors)\n", skipped);
  std::printf("roundtrip: %zu files, %zu mismatches\n", compared, mismatches);
  return mismatches ? 1 : 0;
#endif
}

void usage() {
  std::fprintf(stderr,
               "usage: origo_parsecheck [--bench | --roundtrip | --list] [DIR]\n"
               "  parses every .go file under DIR (default %s) outside testdata/\n"
               "  --bench      time lexing and parsing, one thread, best of 3\n"
               "  --roundtrip  parse, print, parse again and compare the trees\n"
               "  --list       print the files that would be parsed\n",
               DefaultDir);
}

} // namespace

int main(int argc, char **argv) {
  std::string mode, dir = DefaultDir;
  bool haveDir = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--bench" || a == "--roundtrip" || a == "--list") {
      if (!mode.empty()) {
        std::fprintf(stderr, "origo_parsecheck: %s and %s cannot be combined\n",
                     mode.c_str(), a.c_str());
        return 2;
      }
      mode = a;
    } else if (a == "-h" || a == "--help") {
      usage();
      return 0;
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "origo_parsecheck: unknown flag %s\n", a.c_str());
      usage();
      return 2;
    } else if (haveDir) {
      std::fprintf(stderr, "origo_parsecheck: more than one directory given\n");
      return 2;
    } else {
      dir = a;
      haveDir = true;
    }
  }
  std::vector<std::string> files;
  if (!listFiles(dir, files)) return 2;
  if (mode == "--list") {
    for (const std::string &f : files) std::printf("%s\n", f.c_str());
    return 0;
  }
  if (mode == "--bench") return bench(files);
  if (mode == "--roundtrip") return roundtrip(files);
  return check(files);
}
