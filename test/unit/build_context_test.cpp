//===- test/unit/build_context_test.cpp - build constraints ---------------===//
/// \file
/// The build-constraint evaluator and file-name rules of
/// frontend/build_context.h, against go/build's behaviour, and the loader's
/// dependency order and import-cycle report on a small fake GOROOT.
//===----------------------------------------------------------------------===//
#include "frontend/build_context.h"

#include "frontend/frontend.h"
#include "frontend/loader.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace origo;

namespace {

BuildContext arch(const char *goarch) {
  BuildContext c;
  c.goarch = goarch;
  return c;
}

/// Evaluates a //go:build expression; "error" when it does not parse.
std::string goBuild(const BuildContext &c, const char *expr) {
  bool r = false;
  std::string err;
  if (!c.evalGoBuild(expr, r, err)) return "error";
  return r ? "true" : "false";
}

/// Whether a file with this text is built; "error" for a malformed header.
std::string header(const BuildContext &c, const char *text) {
  bool r = false;
  std::string err;
  if (!c.matchHeader(text, r, err)) return "error";
  return r ? "true" : "false";
}

} // namespace

TEST(BuildContext, Tags) {
  BuildContext c;
  for (const char *t : {"linux", "amd64", "unix", "gc", "purego", "go1.1", "go1.9", "go1.19",
                        "goexperiment.regabiargs"})
    EXPECT_TRUE(c.matchTag(t)) << t;
  for (const char *t : {"windows", "arm64", "cgo", "gccgo", "go1.20", "go1.0", "go1.01", "go2",
                        "android", "ignore", "race", "boringcrypto", ""})
    EXPECT_FALSE(c.matchTag(t)) << t;
  c.cgo = true;
  EXPECT_TRUE(c.matchTag("cgo"));
  EXPECT_TRUE(arch("arm64").matchTag("arm64"));
  EXPECT_FALSE(arch("arm64").matchTag("amd64"));
}

TEST(BuildContext, GoBuildExpressions) {
  BuildContext c;
  EXPECT_EQ(goBuild(c, "linux"), "true");
  EXPECT_EQ(goBuild(c, "!linux"), "false");
  EXPECT_EQ(goBuild(c, "!!linux"), "error"); // double negation not allowed
  EXPECT_EQ(goBuild(c, "!(!linux)"), "true");
  EXPECT_EQ(goBuild(c, "linux && amd64"), "true");
  EXPECT_EQ(goBuild(c, "linux && arm64"), "false");
  EXPECT_EQ(goBuild(c, "windows || amd64"), "true");
  EXPECT_EQ(goBuild(c, "(darwin || linux) && !cgo"), "true");
  EXPECT_EQ(goBuild(c, "!(darwin || linux)"), "false");
  EXPECT_EQ(goBuild(c, "unix && !purego"), "false");
  EXPECT_EQ(goBuild(c, "a || b && c || linux"), "true");  // && binds tighter
  EXPECT_EQ(goBuild(c, "linux || b && c"), "true");
  EXPECT_EQ(goBuild(c, "(linux || b) && c"), "false");
  EXPECT_EQ(goBuild(c, "go1.18 && !go1.20"), "true");
  EXPECT_EQ(goBuild(c, "ignore"), "false");
  // Syntax errors.
  for (const char *bad : {"", "linux &&", "(linux", "linux)", "linux amd64", "&& linux", "linux & amd64",
                          "linux | amd64", "!", "linux,amd64", "()"})
    EXPECT_EQ(goBuild(c, bad), "error") << bad;
}

TEST(BuildContext, PlusBuildLines) {
  BuildContext c;
  EXPECT_TRUE(c.evalPlusBuild("linux"));
  EXPECT_TRUE(c.evalPlusBuild("windows linux"));   // space: OR
  EXPECT_FALSE(c.evalPlusBuild("linux,arm64"));    // comma: AND
  EXPECT_TRUE(c.evalPlusBuild("linux,amd64 darwin"));
  EXPECT_FALSE(c.evalPlusBuild("!linux"));
  EXPECT_TRUE(c.evalPlusBuild("!windows,!cgo"));
  EXPECT_FALSE(c.evalPlusBuild(""));      // no options: like "ignore"
  EXPECT_FALSE(c.evalPlusBuild("!!linux")); // malformed terms never match
  EXPECT_FALSE(c.evalPlusBuild("!"));
  EXPECT_TRUE(c.evalPlusBuild("! linux")); // "!" fails, "linux" holds
  EXPECT_FALSE(c.evalPlusBuild("lin-ux"));
}

TEST(BuildContext, Headers) {
  BuildContext c;
  EXPECT_EQ(header(c, "package p\n"), "true");
  EXPECT_EQ(header(c, "//go:build windows\n\npackage p\n"), "false");
  EXPECT_EQ(header(c, "// Copyright\n\n//go:build linux && amd64\n\npackage p\n"), "true");
  // //go:build decides alone; +build lines are then ignored.
  EXPECT_EQ(header(c, "//go:build linux\n// +build windows\n\npackage p\n"), "true");
  EXPECT_EQ(header(c, "//go:build windows\n// +build linux\n\npackage p\n"), "false");
  // //go:buildx is not a constraint.
  EXPECT_EQ(header(c, "//go:buildwindows\n\npackage p\n"), "true");
  // Several +build lines AND together.
  EXPECT_EQ(header(c, "// +build linux darwin\n// +build amd64\n\npackage p\n"), "true");
  EXPECT_EQ(header(c, "// +build linux darwin\n// +build arm64\n\npackage p\n"), "false");
  EXPECT_EQ(header(c, "//+build windows\n\npackage p\n"), "false");
  // A +build line must be followed by a blank line before the package clause.
  EXPECT_EQ(header(c, "// +build windows\npackage p\n"), "true");
  EXPECT_EQ(header(c, "// +build windows\n// doc comment\npackage p\n"), "true");
  // After the package clause, nothing counts.
  EXPECT_EQ(header(c, "package p\n\n//go:build windows\n"), "true");
  EXPECT_EQ(header(c, "package p\n\n// +build windows\n\n"), "true");
  // Inside /* */ comments, nothing counts; the header goes on after them.
  EXPECT_EQ(header(c, "/*\n//go:build windows\n*/\n\npackage p\n"), "true");
  EXPECT_EQ(header(c, "/* license */\n//go:build windows\n\npackage p\n"), "false");
  EXPECT_EQ(header(c, "/* license */\n// +build windows\n\npackage p\n"), "true"); // after /*: ended
  // Malformed headers.
  EXPECT_EQ(header(c, "//go:build linux\n//go:build amd64\n\npackage p\n"), "error");
  EXPECT_EQ(header(c, "//go:build linux &&\n\npackage p\n"), "error");
  // Real files: the //go:build lines of std.
  EXPECT_EQ(header(c, "// Copyright 2020 The Go Authors.\n\n//go:build !purego\n\npackage aes\n"), "false");
  EXPECT_EQ(header(c, "//go:build !cgo && !netgo && (darwin || linux)\n\npackage net\n"), "true");
}

TEST(BuildContext, FileNames) {
  BuildContext amd = arch("amd64"), arm = arch("arm64");
  EXPECT_TRUE(amd.matchFileName("file.go"));
  EXPECT_FALSE(amd.matchFileName("file_test.go"));
  EXPECT_FALSE(amd.matchFileName("file_linux_test.go"));
  EXPECT_FALSE(amd.matchFileName("_file.go"));
  EXPECT_FALSE(amd.matchFileName(".file.go"));
  EXPECT_FALSE(amd.matchFileName("file.s"));
  EXPECT_FALSE(amd.matchFileName("file.go.orig"));
  EXPECT_TRUE(amd.matchFileName("file_linux.go"));
  EXPECT_FALSE(amd.matchFileName("file_windows.go"));
  EXPECT_TRUE(amd.matchFileName("file_amd64.go"));
  EXPECT_FALSE(arm.matchFileName("file_amd64.go"));
  EXPECT_TRUE(arm.matchFileName("file_arm64.go"));
  EXPECT_TRUE(amd.matchFileName("file_linux_amd64.go"));
  EXPECT_FALSE(amd.matchFileName("file_linux_arm64.go"));
  EXPECT_FALSE(amd.matchFileName("file_darwin_amd64.go"));
  EXPECT_TRUE(arm.matchFileName("file_linux_arm64.go"));
  // Only a non-empty prefix makes a suffix (go1.4 rule).
  EXPECT_TRUE(amd.matchFileName("windows.go"));
  EXPECT_TRUE(amd.matchFileName("arm64.go"));
  // "unix" is a build tag, not a file-name suffix.
  EXPECT_TRUE(amd.matchFileName("file_unix.go"));
  // Unknown words and a GOARCH before a GOOS are not suffixes.
  EXPECT_TRUE(amd.matchFileName("file_foo.go"));
  EXPECT_FALSE(amd.matchFileName("file_amd64_windows.go")); // last word is a GOOS
  EXPECT_TRUE(amd.matchFileName("file_windows_foo.go"));
  // Android files are not built for linux (only the reverse holds).
  EXPECT_FALSE(amd.matchFileName("file_android.go"));
  // Only the part before the first dot counts.
  EXPECT_FALSE(amd.matchFileName("file_windows.x.go"));
}

TEST(BuildContext, ImportsC) {
  EXPECT_TRUE(importsC("package p\n\nimport \"C\"\n"));
  EXPECT_TRUE(importsC("// doc\npackage p\n/*\n#include <stdio.h>\n*/\nimport \"C\"\n"));
  EXPECT_TRUE(importsC("package p\nimport (\n\t\"fmt\"\n\t\"C\"\n)\n"));
  EXPECT_TRUE(importsC("package p; import \"os\"; import _ `C`"));
  EXPECT_FALSE(importsC("package p\nimport \"fmt\"\nfunc f() { _ = \"C\" }\n"));
  EXPECT_FALSE(importsC("package p\n// import \"C\"\n"));
  EXPECT_FALSE(importsC("package p\nimport (\n\tC \"fmt\"\n)\n"));
  EXPECT_FALSE(importsC(""));
}

namespace {

/// A throw-away GOROOT with src/<path>/<file> for each entry.
struct FakeRoot {
  std::filesystem::path dir;
  explicit FakeRoot(std::initializer_list<std::pair<const char *, const char *>> files) {
    char tmpl[] = "/tmp/origo-loader-test-XXXXXX";
    dir = mkdtemp(tmpl);
    for (auto &[path, text] : files) {
      std::filesystem::path p = dir / "src" / path;
      std::filesystem::create_directories(p.parent_path());
      std::ofstream(p) << text;
    }
  }
  ~FakeRoot() { std::filesystem::remove_all(dir); }
};

std::string order(Loader &l, const char *root, std::string &err) {
  std::string s;
  for (const PackageSource *p : l.dependencyOrder(root, err)) s += (s.empty() ? "" : " ") + p->importPath;
  return s;
}

} // namespace

TEST(Loader, SelectsParsesAndOrders) {
  FakeRoot root({{"a/a.go", "package a\nimport (\n\t\"b\"\n\t\"unsafe\"\n)\n"},
                 {"a/a_windows.go", "package a\nimport \"w\"\n"},
                 {"a/a_test.go", "package a\nimport \"t\"\n"},
                 {"a/c.go", "package a\nimport \"C\"\nimport \"cgoonly\"\n"},
                 {"a/x.go", "//go:build ignore\n\npackage main\n"},
                 {"b/b.go", "package b\nimport \"golang.org/x/v\"\n"},
                 {"vendor/golang.org/x/v/v.go", "package v\n"},
                 {"e/e_windows.go", "package e\n"},
                 {"c1/c.go", "package c1\nimport \"c2\"\n"},
                 {"c2/c.go", "package c2\nimport \"c3\"\n"},
                 {"c3/c.go", "package c3\nimport \"c1\"\n"}});
  SourceManager sm;
  Diagnostics diags;
  BuildContext ctx;
  ctx.goroot = root.dir.string();
  Loader l(sm, diags, ctx);
  std::string err;
  const PackageSource *a = l.load("a", err);
  ASSERT_TRUE(a) << err;
  EXPECT_EQ(a->name, "a");
  ASSERT_EQ(a->goFiles, std::vector<std::string>{"a.go"});
  EXPECT_EQ(a->files.size(), 1u);
  EXPECT_EQ(a->imports, (std::vector<std::string>{"b", "unsafe"}));
  EXPECT_EQ(l.load("a", err), a); // cached

  const PackageSource *b = l.load("b", err);
  ASSERT_TRUE(b) << err;
  EXPECT_EQ(b->imports, std::vector<std::string>{"vendor/golang.org/x/v"});
  EXPECT_EQ(b->resolve("golang.org/x/v"), "vendor/golang.org/x/v");

  EXPECT_EQ(order(l, "a", err), "vendor/golang.org/x/v b unsafe a");
  const PackageSource *u = l.load("unsafe", err);
  ASSERT_TRUE(u);
  EXPECT_TRUE(u->files.empty());

  EXPECT_EQ(l.load("e", err), nullptr);
  EXPECT_NE(err.find("build constraints exclude all Go files"), std::string::npos) << err;
  EXPECT_EQ(l.load("nope", err), nullptr);
  EXPECT_NE(err.find("is not in GOROOT"), std::string::npos) << err;

  EXPECT_EQ(order(l, "c1", err), "");
  EXPECT_EQ(err, "package c1\n\timports c2\n\timports c3\n\timports c1: import cycle not allowed");
  EXPECT_TRUE(diags.empty());

  std::vector<std::string> std = stdPackages(ctx);
  EXPECT_EQ(std, (std::vector<std::string>{"a", "b", "c1", "c2", "c3", "vendor/golang.org/x/v"}));
}
