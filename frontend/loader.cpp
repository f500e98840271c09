//===- frontend/loader.cpp - package loading ------------------------------===//
/// \file
/// Package loading as go/build does it for GOROOT in GOPATH mode (build.go:
/// Import, ImportDir; load.go's vendor search and import-cycle report).
//===----------------------------------------------------------------------===//
#include "frontend/loader.h"

#include "frontend/parse.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace fs = std::filesystem;

namespace origo {

namespace {

bool readFile(const std::string &path, std::string &text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  text = ss.str();
  return true;
}

bool isDir(const std::string &path) {
  std::error_code ec;
  return fs::is_directory(path, ec);
}

/// A selected file: its base name and text.
struct GoFile {
  std::string name, text;
};

/// Applies the name rules, the header constraints and the cgo rule to the
/// .go files of dir; keeps the texts when wanted (so each file is read once).
std::vector<GoFile> selectFiles(const BuildContext &ctx, const std::string &dir, bool keepText,
                                std::vector<std::string> *errs) {
  std::vector<GoFile> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (!ctx.matchFileName(name) || !it->is_regular_file(ec)) continue;
    std::string text;
    if (!readFile(it->path().string(), text)) {
      if (errs) errs->push_back(it->path().string() + ": cannot read file");
      continue;
    }
    bool ok = false;
    std::string err;
    if (!ctx.matchHeader(text, ok, err)) {
      if (errs) errs->push_back(it->path().string() + ": " + err);
      continue;
    }
    if (!ok || (!ctx.cgo && importsC(text))) continue;
    out.push_back({std::move(name), keepText ? std::move(text) : std::string()});
  }
  std::sort(out.begin(), out.end(), [](const GoFile &a, const GoFile &b) { return a.name < b.name; });
  return out;
}

/// A small scanner over the start of a file for importsC.
struct HeaderScanner {
  std::string_view s;
  size_t i = 0;

  /// Skips white space, comments and semicolons.
  void skip() {
    while (i < s.size()) {
      char c = s[i];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ';') {
        ++i;
      } else if (s.compare(i, 2, "//") == 0) {
        size_t nl = s.find('\n', i);
        i = nl == std::string_view::npos ? s.size() : nl + 1;
      } else if (s.compare(i, 2, "/*") == 0) {
        size_t close = s.find("*/", i + 2);
        i = close == std::string_view::npos ? s.size() : close + 2;
      } else {
        return;
      }
    }
  }

  static bool identChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           (unsigned char)c >= 0x80;
  }

  std::string_view word() {
    skip();
    size_t start = i;
    while (i < s.size() && identChar(s[i])) ++i;
    return s.substr(start, i - start);
  }

  bool accept(char c) {
    skip();
    if (i < s.size() && s[i] == c) {
      ++i;
      return true;
    }
    return false;
  }

  /// One import spec: optional name, then the path literal's contents.
  bool spec(std::string_view &path) {
    skip();
    if (i < s.size() && s[i] == '.') ++i;
    else word();
    skip();
    if (i >= s.size() || (s[i] != '"' && s[i] != '`')) return false;
    char q = s[i];
    size_t start = ++i;
    while (i < s.size() && s[i] != q && s[i] != '\n') i += (s[i] == '\\' && q == '"') ? 2 : 1;
    if (i >= s.size() || s[i] != q) return false;
    path = s.substr(start, i - start);
    ++i;
    return true;
  }
};

} // namespace

bool importsC(std::string_view text) {
  HeaderScanner sc{text};
  if (sc.word() != "package" || sc.word().empty()) return false;
  while (true) {
    size_t save = sc.i;
    if (sc.word() != "import") {
      sc.i = save;
      return false;
    }
    std::string_view path;
    if (sc.accept('(')) {
      while (!sc.accept(')')) {
        if (!sc.spec(path)) return false;
        if (path == "C") return true;
      }
    } else {
      if (!sc.spec(path)) return false;
      if (path == "C") return true;
    }
  }
}

std::vector<std::string> selectGoFiles(const BuildContext &ctx, const std::string &dir,
                                       std::vector<std::string> *errs) {
  std::vector<std::string> names;
  for (GoFile &f : selectFiles(ctx, dir, false, errs)) names.push_back(std::move(f.name));
  return names;
}

std::vector<std::string> stdPackages(const BuildContext &ctx) {
  std::vector<std::string> out;
  std::string src = ctx.goroot + "/src";
  std::error_code ec;
  fs::recursive_directory_iterator it(src, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    if (!it->is_directory(ec)) continue;
    std::string name = it->path().filename().string();
    std::string rel = it->path().lexically_relative(src).generic_string();
    if (name == "testdata" || name[0] == '_' || name[0] == '.' || rel == "cmd") {
      it.disable_recursion_pending();
      continue;
    }
    // cmd/go's walk skips these two (search.go: MatchPackages).
    if (rel == "builtin" || (rel == "runtime/cgo" && !ctx.cgo)) continue;
    if (!selectFiles(ctx, it->path().string(), false, nullptr).empty()) out.push_back(rel);
  }
  std::sort(out.begin(), out.end());
  return out;
}

Loader::Loader(SourceManager &sm, Diagnostics &diags, BuildContext ctx)
    : sm_(sm), diags_(diags), ctx_(std::move(ctx)) {}

std::string Loader::resolveImport(const std::string &from, const std::string &path) const {
  // Packages in GOROOT see GOROOT/src/vendor (the only vendor directory of
  // std outside cmd/), for paths whose first element looks like a domain.
  (void)from;
  std::string first = path.substr(0, path.find('/'));
  if (first.find('.') != std::string::npos && isDir(ctx_.goroot + "/src/vendor/" + path))
    return "vendor/" + path;
  return path;
}

const PackageSource *Loader::load(const std::string &importPath, std::string &err) {
  if (auto it = cache_.find(importPath); it != cache_.end()) return it->second.get();
  if (auto it = failed_.find(importPath); it != failed_.end()) {
    err = it->second;
    return nullptr;
  }
  auto fail = [&](std::string msg) -> const PackageSource * {
    failed_[importPath] = msg;
    err = std::move(msg);
    return nullptr;
  };

  auto pkg = std::make_unique<PackageSource>();
  pkg->importPath = importPath;
  if (importPath == "unsafe") { // provided by the type checker
    pkg->name = "unsafe";
    return (cache_[importPath] = std::move(pkg)).get();
  }
  if (importPath.empty() || importPath[0] == '/' || importPath[0] == '.' ||
      importPath.find("..") != std::string::npos)
    return fail("invalid import path \"" + importPath + "\"");
  pkg->dir = ctx_.goroot + "/src/" + importPath;
  if (!ctx_.overlay.empty() && isDir(ctx_.overlay + "/" + importPath)) pkg->dir = ctx_.overlay + "/" + importPath;
  if (!ctx_.modulePath.empty() &&
      (importPath == ctx_.modulePath || importPath.rfind(ctx_.modulePath + "/", 0) == 0))
    pkg->dir = ctx_.moduleDir + importPath.substr(ctx_.modulePath.size());
  if (!isDir(pkg->dir))
    return fail(pkg->dir.rfind(ctx_.goroot, 0) == 0 ? "package " + importPath + " is not in GOROOT (" + pkg->dir + ")"
                                                   : "no required module provides package " + importPath);

  std::vector<std::string> headerErrs;
  std::vector<GoFile> files = selectFiles(ctx_, pkg->dir, true, &headerErrs);
  if (!headerErrs.empty()) return fail(headerErrs.front());
  if (files.empty()) return fail("build constraints exclude all Go files in " + pkg->dir);

  std::vector<std::string> written;
  for (GoFile &f : files) {
    uint32_t id = sm_.add(pkg->dir + "/" + f.name, std::move(f.text));
    Diagnostics fileDiags;
    std::unique_ptr<syntax::Tree> tree =
        syntax::parseFile(sm_, id, fileDiags, syntax::ParseOptions::forStd(importPath));
    for (const Diagnostic &d : fileDiags.all()) {
      pkg->syntaxErrors.push_back(d);
      diags_.syntaxError(d.pos, d.msg);
    }
    const syntax::Tree &t = *tree;
    if (!t.root.valid() || t.numKids(t.root) == 0) continue; // unparseable: keep its errors
    std::string name(t[t.kid(t.root, 0)].text);
    if (name == "documentation") continue; // go/build ignores such files
    if (pkg->name.empty()) {
      pkg->name = name;
    } else if (name != pkg->name && !name.empty()) {
      return fail("found packages " + pkg->name + " (" + pkg->goFiles.front() + ") and " + name +
                  " (" + f.name + ") in " + pkg->dir);
    }
    for (syntax::NodeId decl : t.kids(t.root)) {
      if (t.kind(decl) != syntax::NodeKind::ImportDecl) continue;
      for (syntax::NodeId spec : t.kids(decl)) {
        if (t.kind(spec) != syntax::NodeKind::ImportSpec || t.numKids(spec) == 0) continue;
        syntax::NodeId lit = t.kid(spec, t.numKids(spec) - 1);
        if (!lit.valid() || t.kind(lit) != syntax::NodeKind::BasicLit) continue;
        written.push_back(syntax::unquote(t[lit].text));
      }
    }
    pkg->goFiles.push_back(f.name);
    pkg->files.push_back(std::move(tree));
  }

  std::sort(written.begin(), written.end());
  written.erase(std::unique(written.begin(), written.end()), written.end());
  for (const std::string &w : written) {
    std::string canon = resolveImport(importPath, w);
    if (canon != w) pkg->importMap[w] = canon;
    pkg->imports.push_back(canon);
  }
  std::sort(pkg->imports.begin(), pkg->imports.end());
  pkg->imports.erase(std::unique(pkg->imports.begin(), pkg->imports.end()), pkg->imports.end());
  return (cache_[importPath] = std::move(pkg)).get();
}

bool Loader::visit(const std::string &path, std::vector<std::string> &stack,
                   std::map<std::string, int> &state, std::vector<const PackageSource *> &out,
                   std::string &err) {
  int &st = state[path]; // 0 new, 1 on the stack, 2 done
  if (st == 2) return true;
  if (st == 1) {
    err = "package " + stack.front();
    for (size_t i = 1; i < stack.size(); ++i) err += "\n\timports " + stack[i];
    err += "\n\timports " + path + ": import cycle not allowed";
    return false;
  }
  st = 1;
  stack.push_back(path);
  std::string lerr;
  const PackageSource *pkg = load(path, lerr);
  if (!pkg) {
    err = stack.size() > 1 ? stack[stack.size() - 2] + ": " + lerr : lerr;
    return false;
  }
  for (const std::string &imp : pkg->imports)
    if (imp != "C" && !visit(imp, stack, state, out, err)) return false;
  stack.pop_back();
  state[path] = 2;
  out.push_back(pkg);
  return true;
}

std::vector<const PackageSource *> Loader::dependencyOrder(const std::string &root, std::string &err) {
  std::vector<const PackageSource *> out;
  std::vector<std::string> stack;
  std::map<std::string, int> state;
  if (!visit(root, stack, state, out, err)) return {};
  return out;
}

} // namespace origo
