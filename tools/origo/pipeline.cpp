//===- tools/origo/pipeline.cpp - the compilation pipeline ----------------===//
/// \file
/// Runs the stages in order — parse, type-check, escape analysis, SSA,
/// LLVM, link — each handing its result to the next, with
/// `-stop-after=<stage>` printing that stage's result. Also `origo tool
/// compile`, which runs the front end with gc's flags and output format.
//===----------------------------------------------------------------------===//
#include "tools/origo/driver.h"

#include "tools/origo/local_packages.h"
#include "tools/origo/package_cache.h"

#include "codegen/codegen.h"
#include "frontend/loader.h"
#include "escape/escape.h"
#include "linker/link.h"
#include "ssa/ssa.h"
#include "types/types.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <sys/utsname.h>
#include <unistd.h>

#ifndef ORIGO_GOROOT_SRC
#define ORIGO_GOROOT_SRC "/usr/share/go-1.19"
#endif

namespace origo::driver {

bool splitFlag(const std::string &arg, std::string &name, std::string &value, bool &hasValue) {
  if (arg.size() < 2 || arg[0] != '-') return false;
  name = arg.substr(arg[1] == '-' ? 2 : 1);
  value.clear();
  size_t eq = name.find('=');
  hasValue = eq != std::string::npos;
  if (hasValue) {
    value = name.substr(eq + 1);
    name = name.substr(0, eq);
  }
  return true;
}

int usageError(const std::string &msg) {
  std::fprintf(stderr, "origo: %s\n", msg.c_str());
  return 2;
}

bool Env::load(std::string &err) {
  const char *os = getenv("GOOS");
  if (os && *os) goos = os;
  const char *arch = getenv("GOARCH");
  if (arch && *arch) {
    goarch = arch;
  } else {
    struct utsname u;
    uname(&u);
    goarch = std::string(u.machine) == "aarch64" ? "arm64" : "amd64";
  }
  if (goos != "linux" || (goarch != "amd64" && goarch != "arm64")) {
    err = "unsupported GOOS/GOARCH pair " + goos + "/" + goarch;
    return false;
  }
  const char *root = getenv("GOROOT");
  goroot = root && *root ? root : ORIGO_GOROOT_SRC;
  const char *cache = getenv("XDG_CACHE_HOME");
  const char *home = getenv("HOME");
  cacheDir = cache && *cache ? std::string(cache) + "/origo" : std::string(home ? home : "/tmp") + "/.cache/origo";
  // origo's replacements of upstream packages: lib/origo/stdlib beside
  // bin/origo (the build tree's layout, copied by make).
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    std::filesystem::path dir = (exe.parent_path() / ".." / "lib" / "origo" / "stdlib").lexically_normal();
    if (std::filesystem::is_directory(dir, ec)) overlay = dir.string();
  }
  return true;
}

namespace {

/// The front end over a set of files: load, parse, type-check.
struct FrontEnd {
  SourceManager sm;
  Diagnostics diags;
  std::vector<std::unique_ptr<syntax::Tree>> trees;
  types::Program prog;
  types::Package *pkg = nullptr;

  /// Loads and parses; returns 2 on unreadable files.
  int parse(const std::vector<std::string> &files, const syntax::ParseOptions &opts = {}) {
    for (const std::string &f : files) {
      uint32_t id;
      std::string err;
      if (!sm.load(f, id, err)) return usageError(err);
      trees.push_back(syntax::parseFile(sm, id, diags, opts));
    }
    return 0;
  }
  /// Imported packages: loaded from GOROOT and type-checked on demand, in
  /// dependency order. Their own diagnostics are kept apart (they are
  /// not the program's errors).
  Diagnostics depDiags;
  std::unique_ptr<Loader> loader;
  /// Every imported package, each after those it imports.
  std::vector<std::pair<const PackageSource *, types::Package *>> imported;
  std::map<std::string, types::Package *> checked;

  types::Package *checkSource(const PackageSource *src, const Env &env) {
    auto it = checked.find(src->importPath);
    if (it != checked.end()) return it->second;
    std::vector<const syntax::Tree *> ts;
    for (auto &t : src->files) ts.push_back(t.get());
    types::CheckConfig cfg;
    cfg.arch = env.goarch;
    cfg.importer = [this, src, &env](const std::string &path, std::string &err) {
      return importPackage(src->resolve(path), env, err);
    };
    checked[src->importPath] = nullptr; // cycles were rejected by the loader
    types::Package *p = types::checkPackage(prog, src->importPath, ts, sm, depDiags, cfg);
    checked[src->importPath] = p;
    if (p) imported.push_back({src, p});
    return p;
  }

  types::Package *importPackage(const std::string &path, const Env &env, std::string &err) {
    auto it = checked.find(path);
    if (it != checked.end() && it->second) return it->second;
    if (!loader) {
      BuildContext ctx;
      ctx.goarch = env.goarch;
      ctx.goroot = env.goroot;
      ctx.overlay = env.overlay;
      ctx.modulePath = env.modulePath;
      ctx.moduleDir = env.moduleDir;
      loader = std::make_unique<Loader>(sm, depDiags, ctx);
    }
    std::vector<const PackageSource *> order = loader->dependencyOrder(path, err);
    if (order.empty()) {
      if (err.empty()) err = "cannot find package " + path;
      return nullptr;
    }
    for (const PackageSource *src : order) checkSource(src, env);
    auto found = checked.find(order.back()->importPath);
    return found == checked.end() ? nullptr : found->second;
  }

  /// Local imports ("./a"): -D and -I of `tool compile`.
  std::string localDir;
  std::vector<std::string> includeDirs;
  std::vector<std::unique_ptr<syntax::Tree>> localTrees;

  /// A local import, from a package file or a source directory, checked
  /// once per canonical path with the -D/-I it was compiled with.
  types::Package *importLocal(const std::string &path, const std::string &dir,
                              const std::vector<std::string> &incs, const Env &env, std::string &err) {
    LocalPackage lp;
    if (!findLocalPackage(path, dir, incs, lp, err)) return nullptr;
    if (auto it = checked.find(lp.canonical); it != checked.end()) {
      if (!it->second) err = "import cycle not allowed";
      return it->second;
    }
    PackageFile pf;
    if (!lp.packageFile.empty()) {
      if (!readPackageFile(lp.packageFile, pf, err)) return nullptr;
    } else {
      BuildContext ctx;
      ctx.goarch = env.goarch;
      ctx.goroot = env.goroot;
      ctx.overlay = env.overlay;
      ctx.modulePath = env.modulePath;
      ctx.moduleDir = env.moduleDir;
      pf.path = lp.canonical;
      pf.localDir = dir;
      pf.includeDirs = incs;
      for (const std::string &f : selectGoFiles(ctx, lp.sourceDir)) pf.files.push_back(lp.sourceDir + "/" + f);
    }
    std::vector<const syntax::Tree *> ts;
    size_t before = depDiags.count();
    for (const std::string &f : pf.files) {
      uint32_t id;
      if (!sm.load(f, id, err)) return nullptr;
      localTrees.push_back(syntax::parseFile(sm, id, depDiags, {}));
      ts.push_back(localTrees.back().get());
    }
    checked[lp.canonical] = nullptr;
    types::CheckConfig cfg;
    cfg.arch = env.goarch;
    cfg.importer = [this, pf, &env](const std::string &p, std::string &e) { return importAny(p, pf.localDir, pf.includeDirs, env, e); };
    types::Package *p = depDiags.count() == before ? types::checkPackage(prog, pf.path, ts, sm, depDiags, cfg) : nullptr;
    if (depDiags.count() != before) {
      err = "package " + pf.path + " has errors";
      p = nullptr;
    }
    checked[lp.canonical] = p;
    return p;
  }

  types::Package *importAny(const std::string &path, const std::string &dir, const std::vector<std::string> &incs,
                            const Env &env, std::string &err) {
    if (isLocalImport(path)) return importLocal(path, dir, incs, env, err);
    // gc: "could not import PATH (open ...: no such file or directory)".
    types::Package *p = importPackage(path, env, err);
    if (!p && err.find("cannot find") != std::string::npos) err = "open : no such file or directory";
    return p;
  }

  void check(const Env &env, bool complete = false, const std::string &lang = "", const std::string &path = "main") {
    std::vector<const syntax::Tree *> ts;
    for (auto &t : trees) ts.push_back(t.get());
    types::CheckConfig cfg;
    cfg.arch = env.goarch;
    cfg.complete = complete;
    if (!lang.empty()) cfg.lang = lang;
    cfg.importer = [this, &env](const std::string &p, std::string &err) {
      return importAny(p, localDir, includeDirs, env, err);
    };
    pkg = types::checkPackage(prog, path, ts, sm, diags, cfg);
  }
};

bool isGoFile(const std::string &f) { return f.size() >= 4 && f.compare(f.size() - 3, 3, ".go") == 0; }

/// `origo build IMPORTPATH...`: standard-library packages, parsed or type
/// checked with their dependencies (as `go build` does, the result of a
/// package that is not main is discarded).
int buildImportPaths(const Env &env, const BuildRequest &req) {
  if (req.stopAfter != "parse" && req.stopAfter != "types")
    return usageError("building packages by import path needs -stop-after=parse or -stop-after=types "
                      "(code generation handles single main packages for now)");
  FrontEnd fe;
  int status = 0;
  for (const std::string &path : req.files) {
    std::string err;
    if (req.stopAfter == "parse") {
      if (!fe.loader) {
        BuildContext ctx;
        ctx.goarch = env.goarch;
        ctx.goroot = env.goroot;
        ctx.overlay = env.overlay;
        ctx.modulePath = env.modulePath;
        ctx.moduleDir = env.moduleDir;
      ctx.modulePath = env.modulePath;
      ctx.moduleDir = env.moduleDir;
        fe.loader = std::make_unique<Loader>(fe.sm, fe.depDiags, ctx);
      }
      const PackageSource *src = fe.loader->load(path, err);
      if (!src) {
        std::fprintf(stderr, "%s\n", err.c_str());
        status = 1;
        continue;
      }
      for (auto &t : src->files) std::fputs(syntax::dumpTree(*t).c_str(), stdout);
    } else {
      types::Package *p = fe.importPackage(path, env, err);
      if (!p) {
        std::fprintf(stderr, "%s\n", err.c_str());
        status = 1;
        continue;
      }
      if (fe.depDiags.empty()) std::fputs(types::dumpTypes(*p, fe.sm).c_str(), stdout);
    }
    if (!fe.depDiags.empty()) {
      std::fprintf(stderr, "# %s\n", path.c_str());
      fe.depDiags.print(stderr, fe.sm, DiagOptions{});
      fe.depDiags.clear();
      status = 1;
    }
  }
  return status;
}

/// Checks the file arguments as `go build` does.
int checkFileArgs(const std::vector<std::string> &files) {
  std::string dir;
  for (size_t i = 0; i < files.size(); ++i) {
    const std::string &f = files[i];
    if (f.size() < 4 || f.compare(f.size() - 3, 3, ".go") != 0)
      return usageError("named files must be .go files: " + f);
    std::string d = std::filesystem::path(f).parent_path().lexically_normal().string();
    if (d.empty()) d = ".";
    if (i == 0) dir = d;
    else if (d != dir) return usageError("named files must all be in one directory; have " + dir + " and " + d);
  }
  return 0;
}

void printBuildErrors(const FrontEnd &fe) {
  std::fprintf(stderr, "# command-line-arguments\n");
  DiagOptions opts;
  opts.pathPrefix = "./";
  fe.diags.print(stderr, fe.sm, opts);
}

/// Compiles every package the program imports into an object, as `go
/// build` does, each at most once per build cache key (package_cache.h):
/// objects and their init functions are appended, dependencies first.
/// Returns 0, or the exit status after printing a package's errors.
int compileImports(FrontEnd &fe, const Env &env, const BuildRequest &req, const std::string &work,
                   std::vector<std::string> &objects, std::vector<std::string> &inits) {
  if (!fe.depDiags.empty()) {
    fe.depDiags.print(stderr, fe.sm, DiagOptions{});
    return 1;
  }
  const std::string compiler = compilerIdentity();
  std::map<std::string, std::string> keys;
  for (auto &[src, tpkg] : fe.imported) {
    if (src->importPath == "unsafe") continue;
    CacheKey k;
    k.add(compiler);
    k.add(env.goarch);
    k.add(req.optimize ? "O" : "N");
    k.add(src->importPath);
    for (size_t i = 0; i < src->files.size(); ++i) {
      k.add(src->goFiles[i]);
      k.add(fe.sm.file(src->files[i]->file).text);
    }
    for (const std::string &imp : src->imports) k.add(keys[imp]);
    std::string key = k.finish();
    keys[src->importPath] = key;
    inits.push_back(src->importPath + ".init");
    std::string cached = cachedObjectPath(env.cacheDir, key);
    std::error_code ec;
    if (std::filesystem::is_regular_file(cached, ec)) {
      objects.push_back(cached);
      continue;
    }
    escape::Facts facts = escape::analyze(*tpkg);
    Diagnostics diags;
    auto spkg = ssa::build(*tpkg, facts, fe.prog, fe.sm, diags, req.optimize);
    if (!diags.empty()) {
      std::fprintf(stderr, "# %s\n", src->importPath.c_str());
      diags.print(stderr, fe.sm, DiagOptions{});
      return 1;
    }
    ssa::PassOptions popts;
    popts.optimize = req.optimize;
    std::string passOut;
    for (auto &f : spkg->funcs) ssa::compile(*f, popts, passOut);
    codegen::Options copts;
    copts.arch = env.goarch;
    copts.optimize = req.optimize;
    std::string obj = work + "/pkg" + std::to_string(objects.size()) + ".o", err;
    if (!codegen::emitObject(*spkg, copts, obj, err)) return usageError(err);
    // An unwritable cache only costs the next build its time.
    objects.push_back(storeObject(obj, cached, err) ? cached : obj);
  }
  return 0;
}

} // namespace

/// The module holding dir, as go finds it: the nearest go.mod at or above
/// dir, and the path its `module` line declares. False when there is none.
bool findModule(const std::string &dir, std::string &modulePath, std::string &moduleDir) {
  std::error_code ec;
  std::filesystem::path d = std::filesystem::absolute(dir, ec).lexically_normal();
  for (; !d.empty(); d = d.parent_path()) {
    std::filesystem::path mod = d / "go.mod";
    if (std::filesystem::is_regular_file(mod, ec)) {
      FILE *f = std::fopen(mod.c_str(), "r");
      if (!f) return false;
      char line[1024];
      while (std::fgets(line, sizeof line, f)) {
        std::string l(line);
        size_t b = l.find_first_not_of(" \t");
        if (b == std::string::npos || l.compare(b, 7, "module ") != 0) continue;
        std::string path = l.substr(b + 7);
        path.erase(0, path.find_first_not_of(" \t\""));
        path.erase(path.find_last_not_of(" \t\r\n\"") + 1);
        std::fclose(f);
        if (path.empty()) return false;
        modulePath = path;
        moduleDir = d.string();
        return true;
      }
      std::fclose(f);
      return false;
    }
    if (d == d.root_path()) break;
  }
  return false;
}

int build(const Env &envIn, const BuildRequest &reqIn, std::string &built) {
  Env env = envIn;
  BuildRequest req = reqIn;
  // `origo build [dir]`: the package in a directory (the current one by
  // default), named after the directory, as go build does.
  if (req.files.empty() || (req.files.size() == 1 && std::filesystem::is_directory(req.files[0]))) {
    std::string dir = req.files.empty() ? "." : req.files[0];
    BuildContext ctx;
    ctx.goarch = env.goarch;
    std::vector<std::string> names = selectGoFiles(ctx, dir);
    std::error_code ec;
    std::string abs = std::filesystem::absolute(dir, ec).lexically_normal().string();
    while (abs.size() > 1 && abs.back() == '/') abs.pop_back();
    if (names.empty()) return usageError("no Go files in " + abs);
    req.files.clear();
    for (const std::string &n : names) req.files.push_back((std::filesystem::path(dir) / n).lexically_normal().string());
    req.exeName = std::filesystem::path(abs).filename().string();
  }
  // Like go build: no .go file among the arguments means import paths.
  if (!req.files.empty() && std::none_of(req.files.begin(), req.files.end(), isGoFile)) {
    for (const std::string &a : req.files) {
      std::error_code ec;
      if (std::filesystem::is_regular_file(a, ec)) return usageError("named files must be .go files: " + a);
    }
    return buildImportPaths(env, req);
  }
  // The program's own packages: imports under the path of the module
  // holding its files resolve to the module's directories.
  findModule(std::filesystem::path(req.files[0]).parent_path().empty() ? "." : std::filesystem::path(req.files[0]).parent_path().string(),
             env.modulePath, env.moduleDir);
  if (int rc = checkFileArgs(req.files)) return rc;
  FrontEnd fe;
  if (int rc = fe.parse(req.files)) return rc;
  if (req.stopAfter == "parse") {
    for (auto &t : fe.trees) std::fputs(syntax::dumpTree(*t).c_str(), stdout);
    if (!fe.diags.empty()) { printBuildErrors(fe); return 1; }
    return 0;
  }
  if (!fe.diags.empty()) { printBuildErrors(fe); return 1; }
  if (req.stopAfter.empty()) {
    // Every program links the runtime package (and runs its init first),
    // whether or not it imports it, as with gc.
    std::string err;
    fe.importPackage("runtime", env, err);
  }
  fe.check(env);
  if (!fe.diags.empty()) { printBuildErrors(fe); return 1; }
  if (fe.pkg->name == "main" && !fe.pkg->scope->lookupLocal("main") && req.stopAfter.empty()) {
    // gc's linker reports this, after compiling.
    std::fprintf(stderr, "# command-line-arguments\nruntime.main_main\xc2\xb7" "f: function main is undeclared in the main package\n");
    return 1;
  }
  if (fe.pkg->name != "main" && req.stopAfter.empty()) {
    // A non-main package builds to nothing (go build discards the result).
    return 0;
  }
  if (req.stopAfter == "types") {
    std::fputs(types::dumpTypes(*fe.pkg, fe.sm).c_str(), stdout);
    return 0;
  }
  escape::Facts facts = escape::analyze(*fe.pkg);
  if (req.stopAfter == "escape") {
    std::fputs(escape::dump(facts, *fe.pkg, fe.sm).c_str(), stdout);
    return 0;
  }

  ssa::PassOptions popts;
  popts.optimize = req.optimize;
  for (const std::string &d : req.debug) {
    std::string err;
    if (!popts.parse(d, err)) return usageError(err);
  }
  if (const char *f = getenv("GOSSAFUNC")) popts.htmlFunc = f;
  auto spkg = ssa::build(*fe.pkg, facts, fe.prog, fe.sm, fe.diags, req.optimize);
  if (!fe.diags.empty()) { printBuildErrors(fe); return 1; }
  std::string passOut;
  for (auto &f : spkg->funcs) ssa::compile(*f, popts, passOut);
  std::fputs(passOut.c_str(), stdout);
  if (req.stopAfter == "ssa") {
    for (auto &f : spkg->funcs) {
      std::string errs = ssa::verify(*f);
      if (!errs.empty()) {
        std::fprintf(stderr, "internal error: invalid SSA:\n%s", errs.c_str());
        return 2;
      }
      std::fputs(ssa::dump(*f).c_str(), stdout);
    }
    return 0;
  }
  codegen::Options copts;
  copts.arch = env.goarch;
  copts.optimize = req.optimize;
  if (req.stopAfter == "llvm") {
    std::string ir, err;
    if (!codegen::emitIR(*spkg, copts, ir, err)) return usageError(err);
    std::fputs(ir.c_str(), stdout);
    return 0;
  }

  // Object file and link, in a work directory.
  char tmpl[] = "/tmp/origo-build-XXXXXX";
  if (!mkdtemp(tmpl)) return usageError(std::string("mkdtemp: ") + std::strerror(errno));
  std::string work = tmpl;
  if (req.keepWork) std::fprintf(stderr, "WORK=%s\n", work.c_str());
  std::string obj = work + "/main.o", err;
  linker::LinkJob job;
  if (int rc = compileImports(fe, env, req, work, job.objects, job.initFuncs)) {
    if (!req.keepWork) std::filesystem::remove_all(work);
    return rc;
  }
  if (!codegen::emitObject(*spkg, copts, obj, err)) return usageError(err);
  job.arch = env.goarch;
  job.objects.push_back(obj);
  job.initFuncs.push_back(spkg->initFunc);
  job.runtimeLib = linker::defaultRuntimeLib(env.goarch, req.argv0.c_str());
  job.workDir = work;
  // Like go build, the executable is named after the first file; origo
  // run builds it inside the work directory.
  std::string base = req.exeName.empty() ? std::filesystem::path(req.files[0]).stem().string() : req.exeName;
  job.output = req.forRun ? work + "/" + base : req.output.empty() ? base : req.output;
  if (!linker::link(job, err)) {
    if (!req.keepWork) std::filesystem::remove_all(work);
    return usageError(err);
  }
  built = job.output;
  if (!req.keepWork) {
    std::filesystem::remove(obj);
    std::error_code ec;
    for (auto &e : std::filesystem::directory_iterator(work, ec))
      if (e.path() != job.output) std::filesystem::remove_all(e.path(), ec);
    if (job.output.rfind(work, 0) != 0) std::filesystem::remove_all(work, ec);
  }
  return 0;
}

int toolCompile(const Env &env, const std::vector<std::string> &args) {
  DiagOptions opts;
  std::vector<std::string> files;
  std::string output;
  bool complete = false;
  std::string lang, pkgPath, localDir;
  std::vector<std::string> includeDirs;
  syntax::ParseOptions popts;
  // gc's flags that the Go test tree uses. Flags with a value:
  static const char *valueFlags[] = {"p", "o", "d", "lang", "asmhdr", "buildid", "D", "I",
                                     "importcfg", "trimpath", "spectre", "json", "linkobj",
                                     "symabis", "embedcfg", "c", "goversion", "installsuffix",
                                     "race", "msan", "asan", "pack", "dwarflocationlists", "env"};
  // ... and boolean (or counting) ones:
  static const char *boolFlags[] = {"e", "C", "N", "l", "m", "S", "+", "live", "wb", "std",
                                    "complete", "B", "smallframes", "strictdups", "0", "1", "t",
                                    "w", "s", "dynlink", "shared", "h", "K", "L", "E", "r", "W",
                                    "v", "V", "nolocalimports", "j", "newinl", "la", "G"};
  size_t i = 0;
  for (; i < args.size(); ++i) {
    std::string a = args[i];
    if (a == "--") { ++i; break; }
    std::string name, value;
    bool hasValue;
    if (!splitFlag(a, name, value, hasValue)) break;
    bool isValue = false, isBool = false;
    for (const char *f : valueFlags) if (name == f) isValue = true;
    for (const char *f : boolFlags) if (name == f) isBool = true;
    if (isValue) {
      if (!hasValue) {
        if (i + 1 >= args.size()) return usageError("compile: flag needs an argument: -" + name);
        value = args[++i];
      }
      if (name == "o") output = value;
      if (name == "lang") lang = value;
      if (name == "p") pkgPath = value;
      if (name == "D") localDir = value;
      if (name == "I") includeDirs.push_back(value);
    } else if (isBool) {
      if (name == "e") opts.allErrors = true;
      if (name == "C") opts.columns = false;
      if (name == "complete") complete = true;
      if (name == "std") popts.std = true;
      if (name == "+") popts.runtime = true;
    } else {
      return usageError("compile: flag provided but not defined: -" + name);
    }
  }
  for (; i < args.size(); ++i) files.push_back(args[i]);
  if (files.empty()) return usageError("compile: no go files listed");
  FrontEnd fe;
  if (int rc = fe.parse(files, popts)) return rc;
  if (!lang.empty() && (lang.rfind("go1.", 0) != 0 || lang.size() < 5 ||
                        lang.find_first_not_of("0123456789", 4) != std::string::npos))
    return usageError("compile: invalid value \"" + lang + "\" for flag -lang: should be something like \"go1.12\"");
  // Local imports resolve against absolute directories, so that a package
  // file works from wherever it is read.
  std::error_code ec;
  auto absolute = [&](const std::string &d) { return std::filesystem::absolute(d, ec).lexically_normal().string(); };
  fe.localDir = localDir.empty() ? "" : absolute(localDir);
  for (const std::string &d : includeDirs) fe.includeDirs.push_back(absolute(d));
  if (fe.diags.empty()) fe.check(env, complete, lang, pkgPath.empty() ? "main" : pkgPath);
  if (!fe.diags.empty()) {
    fe.diags.print(stdout, fe.sm, opts);
    std::fflush(stdout);
    return 1;
  }
  // Until code generation writes objects per package, -o receives a
  // package file naming the sources (local_packages.h), which local
  // imports of later compilations read.
  if (!output.empty()) {
    PackageFile pf;
    pf.path = pkgPath.empty() ? "main" : pkgPath;
    pf.localDir = fe.localDir;
    pf.includeDirs = fe.includeDirs;
    for (const std::string &f : files) pf.files.push_back(absolute(f));
    std::string err;
    if (!writePackageFile(output, pf, err)) return usageError("compile: " + err);
  }
  return 0;
}

} // namespace origo::driver
