//===- tools/origo/main.cpp - the origo command ---------------------------===//
/// \file
/// `origo build|run|version|env|tool compile`, shaped like the `go`
/// command: flags before the files, GOOS/GOARCH from the environment,
/// errors as one line and exit status 2 for usage problems.
//===----------------------------------------------------------------------===//
#include "tools/origo/driver.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <sys/wait.h>
#include <pthread.h>
#include <unistd.h>

using namespace origo::driver;

static const char *kVersion = "0.1.0";

static int usage() {
  std::fprintf(stderr,
               "origo is a compiler and runtime for Go 1.19.\n\n"
               "Usage:\n\n"
               "\torigo <command> [arguments]\n\n"
               "The commands are:\n\n"
               "\tbuild       compile packages and dependencies\n"
               "\trun         compile and run Go program\n"
               "\tenv         print origo environment information\n"
               "\tversion     print origo version\n"
               "\ttool        run a tool (compile)\n");
  return 2;
}

/// Parses build flags (Go's flag syntax: -name, --name, -name=value,
/// -name value) until the first non-flag argument.
static int parseBuildFlags(const char *cmd, int argc, char **argv, int &i, BuildRequest &req) {
  for (; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--") { ++i; break; }
    std::string name, value;
    bool hasValue;
    if (!splitFlag(a, name, value, hasValue)) break;
    auto takeValue = [&]() -> bool {
      if (hasValue) return true;
      if (i + 1 >= argc) return false;
      value = argv[++i];
      return true;
    };
    if (name == "o") {
      if (!takeValue()) return usageError(std::string(cmd) + ": flag needs an argument: -o");
      req.output = value;
    } else if (name == "work") {
      req.keepWork = true;
    } else if (name == "stop-after") {
      if (!takeValue()) return usageError(std::string(cmd) + ": flag needs an argument: -stop-after");
      if (value != "parse" && value != "types" && value != "escape" && value != "ssa" && value != "llvm")
        return usageError(std::string(cmd) + ": invalid -stop-after " + value +
                          " (want parse, types, escape, ssa or llvm)");
      req.stopAfter = value;
    } else if (name == "gcflags") {
      if (!takeValue()) return usageError(std::string(cmd) + ": flag needs an argument: -gcflags");
      // A space-separated list of compiler flags; origo understands -N,
      // -l and -d=...; others are accepted and ignored like gc's no-ops.
      size_t p = 0;
      while (p < value.size()) {
        size_t q = value.find(' ', p);
        std::string f = value.substr(p, q == std::string::npos ? std::string::npos : q - p);
        p = q == std::string::npos ? value.size() : q + 1;
        if (f.empty()) continue;
        if (f == "-N") req.optimize = false;
        else if (f.rfind("-d=", 0) == 0) req.debug.push_back(f.substr(3));
        else if (f == "-l" || f == "-m" || f == "-e" || f == "-S") continue;
        else return usageError(std::string(cmd) + ": unsupported -gcflags flag " + f);
      }
    } else if (name == "d") {
      if (!takeValue()) return usageError(std::string(cmd) + ": flag needs an argument: -d");
      req.debug.push_back(value);
    } else if (name == "N") {
      req.optimize = false;
    } else {
      return usageError(std::string(cmd) + ": flag provided but not defined: -" + name);
    }
  }
  return 0;
}

static int runBuild(int argc, char **argv, bool run) {
  const char *cmd = run ? "run" : "build";
  Env env;
  std::string err;
  if (!env.load(err)) return usageError(err);
  BuildRequest req;
  req.argv0 = argv[0];
  req.forRun = run;
  int i = 2;
  if (int rc = parseBuildFlags(cmd, argc, argv, i, req)) return rc;
  std::vector<std::string> progArgs;
  for (; i < argc; ++i) {
    std::string a = argv[i];
    if (run && !req.files.empty() && (a.size() < 3 || a.compare(a.size() - 3, 3, ".go") != 0)) {
      // `origo run x.go args...`: the first non-.go argument starts the
      // program's arguments.
      for (; i < argc; ++i) progArgs.push_back(argv[i]);
      break;
    }
    req.files.push_back(a);
  }
  if (req.files.empty() && run) return usageError(std::string(cmd) + ": no go files listed");
  if (run && !req.output.empty()) return usageError("run: -o is not supported by origo run");
  std::string exe;
  int rc = build(env, req, exe);
  if (rc != 0 || !run || !req.stopAfter.empty()) return rc;
  if (exe.empty()) {
    // A package other than main builds to nothing, which go run refuses.
    std::fprintf(stderr, "package command-line-arguments is not a main package\n");
    return 1;
  }
  // Run the program, as `go run` does: its exit status is reported as
  // "exit status N" and origo exits 1.
  pid_t pid = fork();
  if (pid < 0) return usageError(std::string("run: fork: ") + std::strerror(errno));
  if (pid == 0) {
    std::vector<char *> av;
    av.push_back(const_cast<char *>(exe.c_str()));
    for (auto &a : progArgs) av.push_back(const_cast<char *>(a.c_str()));
    av.push_back(nullptr);
    if (env.goarch == "arm64" && !getenv("ORIGO_NO_QEMU")) {
#if defined(__x86_64__)
      av.insert(av.begin(), const_cast<char *>("qemu-aarch64"));
#endif
    }
    execvp(av[0], av.data());
    std::fprintf(stderr, "origo: run: exec %s: %s\n", av[0], std::strerror(errno));
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (!req.keepWork) {
    unlink(exe.c_str());
    std::string dir = exe.substr(0, exe.rfind('/'));
    rmdir(dir.c_str());
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return 0;
  if (WIFEXITED(status)) std::fprintf(stderr, "exit status %d\n", WEXITSTATUS(status));
  else if (WIFSIGNALED(status)) std::fprintf(stderr, "signal: %s\n", strsignal(WTERMSIG(status)));
  return 1;
}

static int realMain(int argc, char **argv) {
  if (argc < 2) return usage();
  std::string cmd = argv[1];
  if (cmd == "build") return runBuild(argc, argv, false);
  if (cmd == "run") return runBuild(argc, argv, true);
  if (cmd == "version") {
    Env env;
    std::string err;
    if (!env.load(err)) return usageError(err);
    std::printf("origo version %s go1.19 %s/%s\n", kVersion, env.goos.c_str(), env.goarch.c_str());
    return 0;
  }
  if (cmd == "env") {
    Env env;
    std::string err;
    if (!env.load(err)) return usageError(err);
    std::printf("GOARCH=\"%s\"\nGOOS=\"%s\"\nGOROOT=\"%s\"\nGOCACHE=\"%s\"\n", env.goarch.c_str(),
                env.goos.c_str(), env.goroot.c_str(), env.cacheDir.c_str());
    return 0;
  }
  if (cmd == "tool") {
    if (argc < 3) return usageError("tool: missing tool name (origo has: compile)");
    if (std::string(argv[2]) != "compile") return usageError(std::string("tool: no such tool \"") + argv[2] + "\"");
    Env env;
    std::string err;
    if (!env.load(err)) return usageError(err);
    return toolCompile(env, std::vector<std::string>(argv + 3, argv + argc));
  }
  if (cmd == "help" || cmd == "-h" || cmd == "--help") {
    usage();
    return 0;
  }
  return usageError("unknown command \"" + cmd + "\" (run 'origo help' for usage)");
}

/// The compiler recurses over syntax trees and expressions; generated or
/// hostile programs can nest tens of thousands of levels (gc copes because
/// goroutine stacks grow to 1 GB). origo runs on a thread whose stack is
/// that large; the memory is only committed as it is touched.
int main(int argc, char **argv) {
  struct Args {
    int argc;
    char **argv;
    int rc;
  } args{argc, argv, 2};
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, size_t(1) << 30);
  pthread_t th;
  auto body = [](void *p) -> void * {
    Args *a = static_cast<Args *>(p);
    a->rc = realMain(a->argc, a->argv);
    return nullptr;
  };
  if (pthread_create(&th, &attr, body, &args) != 0) return realMain(argc, argv);
  pthread_join(th, nullptr);
  return args.rc;
}
