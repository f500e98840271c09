//===- tools/stdcheck/stdcheck.cpp - type-check the standard library ------===//
/// \file
/// `origo_stdcheck [--arch amd64|arm64] [--goroot DIR] [--bench|--list|--files] [PKG...]`
/// loads the standard library packages (default: all of `go list std` for
/// the target, see frontend/loader.h) with their dependencies and
/// type-checks each, dependencies first, printing `ok PATH` or
/// `FAIL PATH: N errors` with the first three diagnostics, then
/// `stdcheck(ARCH): P packages ok, F with errors (T s)`. Exit status 1 when
/// any package fails. `--bench` also times gc's `go build -a -p 1 std` on
/// the same machine and prints the ratio (issue 4 wants origo's
/// parse+check under a third of gc's full compile). `--list` prints the
/// std package list (as `go list std`), `--files` each PKG's selected files
/// (as `go list -f '{{.ImportPath}} {{.GoFiles}}'`), for comparing with gc.
//===----------------------------------------------------------------------===//
#include "frontend/frontend.h"
#include "frontend/loader.h"
#include "types/types.h"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <pthread.h>
#include <set>
#include <string>
#include <unistd.h>
#include <vector>

using namespace origo;
namespace fs = std::filesystem;

namespace {

const char *const GcGo = "/usr/lib/go-1.19/bin/go";
const char *const GcRoot = "/usr/lib/go-1.19";

/// The package being checked, for the crash report.
char currentPackage[512];

/// A crash in the checker must still say where it happened, so the runner
/// (tools/check.py) can report it instead of a bare signal.
void onCrash(int sig) {
  const char *head = "CRASH ";
  ssize_t r = write(2, head, std::strlen(head));
  r = write(2, currentPackage, std::strlen(currentPackage));
  const char *name = strsignal(sig);
  r = write(2, ": ", 2);
  r = write(2, name, std::strlen(name));
  r = write(2, "\n", 1);
  (void)r;
  _exit(3);
}

/// Installs the handler; the alternate signal stack is per thread, so this
/// runs on the thread that checks.
void installCrashHandler() {
  static char altStack[1 << 16];
  stack_t ss{};
  ss.ss_sp = altStack;
  ss.ss_size = sizeof altStack;
  sigaltstack(&ss, nullptr);
  struct sigaction sa{};
  sa.sa_handler = onCrash;
  sa.sa_flags = SA_ONSTACK | SA_RESETHAND;
  for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT}) sigaction(sig, &sa, nullptr);
}

/// The first n lines of the sorted, gc-formatted diagnostics.
std::string firstDiagnostics(const Diagnostics &diags, const SourceManager &sm, size_t n) {
  char *buf = nullptr;
  size_t len = 0;
  std::FILE *f = open_memstream(&buf, &len);
  if (!f) return {};
  DiagOptions opts;
  opts.allErrors = true;
  diags.print(f, sm, opts);
  std::fclose(f);
  std::string text(buf, len), out;
  std::free(buf);
  size_t pos = 0;
  for (size_t i = 0; i < n && pos < text.size(); ++i) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    out += "\t" + text.substr(pos, nl - pos) + "\n";
    pos = nl + 1;
  }
  return out;
}

double seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

/// Times `go build -a -p 1 std` with a fresh cache; returns < 0 on failure.
double timeGc(const std::string &arch) {
  char tmpl[] = "/tmp/origo-stdcheck-gocache-XXXXXX";
  if (!mkdtemp(tmpl)) return -1;
  std::string cmd = std::string("env GOROOT=") + GcRoot + " GOCACHE=" + tmpl +
                    " GOFLAGS= GO111MODULE=off CGO_ENABLED=0 GOOS=linux GOARCH=" + arch + " " + GcGo +
                    " build -a -p 1 std";
  std::printf("$ %s\n", cmd.c_str());
  std::fflush(stdout);
  auto start = std::chrono::steady_clock::now();
  int status = std::system(cmd.c_str());
  double dt = seconds(start);
  std::error_code ec;
  fs::remove_all(tmpl, ec);
  return status == 0 ? dt : -1;
}

int usage() {
  std::fprintf(stderr, "usage: origo_stdcheck [--arch amd64|arm64] [--goroot DIR] "
                       "[--bench|--list|--files] [PKG...]\n");
  return 2;
}

} // namespace

/// The whole run; executed on a thread with a large stack (see main).
static int run(int argc, char **argv) {
  BuildContext ctx;
  bool bench = false, list = false, files = false;
  std::vector<std::string> roots;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--arch" && i + 1 < argc) {
      ctx.goarch = argv[++i];
      if (ctx.goarch != "amd64" && ctx.goarch != "arm64") {
        std::fprintf(stderr, "origo_stdcheck: unsupported architecture %s\n", ctx.goarch.c_str());
        return 2;
      }
    } else if (a == "--goroot" && i + 1 < argc) {
      ctx.goroot = argv[++i];
    } else if (a == "--bench") {
      bench = true;
    } else if (a == "--list") {
      list = true;
    } else if (a == "--files") {
      files = true;
    } else if (!a.empty() && a[0] == '-') {
      return usage();
    } else {
      roots.push_back(a);
    }
  }
  installCrashHandler();
  auto start = std::chrono::steady_clock::now();
  if (roots.empty()) roots = stdPackages(ctx);
  if (list) {
    for (const std::string &p : roots) std::printf("%s\n", p.c_str());
    return 0;
  }
  if (files) {
    for (const std::string &p : roots) {
      std::vector<std::string> errs;
      std::vector<std::string> names = selectGoFiles(ctx, ctx.goroot + "/src/" + p, &errs);
      std::string line = p + " [";
      for (size_t i = 0; i < names.size(); ++i) line += (i ? " " : "") + names[i];
      std::printf("%s]\n", line.c_str());
      for (const std::string &e : errs) std::printf("\terror: %s\n", e.c_str());
    }
    return 0;
  }

  // 1. Load and parse everything, dependencies first.
  SourceManager sm;
  Diagnostics loadDiags;
  Loader loader(sm, loadDiags, ctx);
  std::vector<const PackageSource *> order;
  std::set<std::string> seen;
  size_t failed = 0, ok = 0;
  for (const std::string &root : roots) {
    std::string err;
    std::vector<const PackageSource *> deps = loader.dependencyOrder(root, err);
    if (deps.empty()) {
      std::printf("FAIL %s: cannot load\n\t%s\n", root.c_str(), err.c_str());
      ++failed;
      continue;
    }
    for (const PackageSource *p : deps)
      if (seen.insert(p->importPath).second) order.push_back(p);
  }
  double loadTime = seconds(start);

  // 2. Check each package with its imports already checked.
  types::Program prog;
  std::map<std::string, types::Package *> checked;
  for (const PackageSource *src : order) {
    std::snprintf(currentPackage, sizeof currentPackage, "%s", src->importPath.c_str());
    std::fflush(stdout); // so a crash report comes after this package's predecessors
    std::vector<const syntax::Tree *> trees;
    for (const auto &t : src->files) trees.push_back(t.get());
    Diagnostics diags;
    for (const Diagnostic &d : src->syntaxErrors) diags.syntaxError(d.pos, d.msg);
    types::CheckConfig cfg;
    cfg.arch = ctx.goarch;
    cfg.importer = [&](const std::string &path, std::string &err) -> types::Package * {
      auto it = checked.find(src->resolve(path));
      if (it != checked.end()) return it->second;
      err = "package " + path + " was not loaded";
      return nullptr;
    };
    types::Package *pkg = types::checkPackage(prog, src->importPath, trees, sm, diags, cfg);
    checked[src->importPath] = pkg;
    if (diags.empty()) {
      std::printf("ok %s\n", src->importPath.c_str());
      ++ok;
    } else {
      std::printf("FAIL %s: %zu errors\n%s", src->importPath.c_str(), diags.count(),
                  firstDiagnostics(diags, sm, 3).c_str());
      ++failed;
    }
  }
  double total = seconds(start);
  std::printf("stdcheck(%s): %zu packages ok, %zu with errors (%.2f s)\n", ctx.goarch.c_str(), ok,
              failed, total);

  if (bench) {
    size_t files = 0;
    for (const PackageSource *p : order) files += p->files.size();
    std::printf("origo: load+parse %.2f s, check %.2f s, total %.2f s (%zu packages, %zu files, one core)\n",
                loadTime, total - loadTime, total, order.size(), files);
    if (access(GcGo, X_OK) == 0) {
      double gc = timeGc(ctx.goarch);
      if (gc < 0) {
        std::printf("gc: go build -a -p 1 std failed\n");
      } else {
        std::printf("gc: go build -a -p 1 std %.2f s\n", gc);
        std::printf("ratio origo/gc: %.3f (goal < 0.333)\n", total / gc);
      }
    } else {
      std::printf("gc: %s not found, no comparison\n", GcGo);
    }
  }
  std::fflush(stdout);
  return failed ? 1 : 0;
}

struct RunArgs {
  int argc;
  char **argv;
  int status;
};

static void *runThread(void *p) {
  auto *a = static_cast<RunArgs *>(p);
  a->status = run(a->argc, a->argv);
  return nullptr;
}

int main(int argc, char **argv) {
  // The checker recurses over expressions; some std files nest deeply
  // (time/tzdata's string of thousands of `+` operands), so check on a
  // 1 GiB stack (only what is touched is committed).
  RunArgs args{argc, argv, 1};
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, size_t(1) << 30);
  pthread_t thread;
  if (pthread_create(&thread, &attr, runThread, &args) != 0) return run(argc, argv);
  pthread_join(thread, nullptr);
  return args.status;
}
