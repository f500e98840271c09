//===- frontend/source.h - source files, positions, diagnostics -*- C++ -*-===//
/// \file
/// Source files and positions shared by every stage, and the diagnostics
/// list that prints errors in gc's format (`file.go:line:col: message`),
/// sorted by position, with gc's limit of ten errors unless -e.
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <cstdio>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace origo {

/// A position: file index in the SourceManager, 1-based line and column
/// (columns count bytes, as gc's do). line == 0 means "no position".
struct Pos {
  uint32_t file = 0;
  uint32_t line = 0;
  uint32_t col = 0;
  bool valid() const { return line != 0; }
  friend bool operator<(const Pos &a, const Pos &b) {
    if (a.file != b.file) return a.file < b.file;
    if (a.line != b.line) return a.line < b.line;
    return a.col < b.col;
  }
  friend bool operator==(const Pos &a, const Pos &b) {
    return a.file == b.file && a.line == b.line && a.col == b.col;
  }
};

/// One loaded source file. `text` is followed by a NUL sentinel.
struct SourceFile {
  std::string name;    ///< as given on the command line (used in diagnostics)
  std::string absPath; ///< absolute path (used in tracebacks)
  std::string text;
};

/// Owns every source file of a compilation.
class SourceManager {
public:
  /// Reads a file; on failure returns false and sets err to a one-line reason.
  bool load(const std::string &path, uint32_t &id, std::string &err);
  /// Adds in-memory text (tests, fuzzers).
  uint32_t add(std::string name, std::string text);
  const SourceFile &file(uint32_t id) const { return files_[id]; }
  size_t size() const { return files_.size(); }
  /// A file name without text, for positions set by //line directives.
  /// (Logically const: it only names positions.)
  uint32_t addVirtual(const std::string &name) const;

private:
  /// A deque, so that adding a file never moves another: syntax trees and
  /// lexers point into the text of files (short ones live inside the
  /// std::string object itself).
  mutable std::deque<SourceFile> files_;
};

/// How diagnostics are printed.
struct DiagOptions {
  bool columns = true;     ///< print `:col` (gc's -C turns it off)
  bool allErrors = false;  ///< gc's -e: no limit of 10 errors
  std::string pathPrefix;  ///< "./" for `go build`-style output of relative names
};

struct Diagnostic {
  Pos pos;
  std::string msg;
  bool syntax = false;
};

/// Collects errors from every stage.
class Diagnostics {
public:
  void error(Pos pos, std::string msg) { list_.push_back({pos, std::move(msg), false}); }
  void syntaxError(Pos pos, std::string msg) { list_.push_back({pos, std::move(msg), true}); }
  size_t count() const { return list_.size(); }
  bool empty() const { return list_.empty(); }
  const std::vector<Diagnostic> &all() const { return list_; }
  void clear() { list_.clear(); }

  /// Prints sorted by position, dropping duplicates (same line and
  /// message) and, like gc, further syntax errors on a line that already
  /// has one; stops after 10 errors with "too many errors" unless allErrors.
  void print(std::FILE *out, const SourceManager &sm, const DiagOptions &opts) const;
  /// Formats one position as gc does.
  static std::string formatPos(const SourceManager &sm, Pos pos, const DiagOptions &opts);

private:
  std::vector<Diagnostic> list_;
};

} // namespace origo
