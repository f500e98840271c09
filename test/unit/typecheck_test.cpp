//===- test/unit/typecheck_test.cpp - type checker diagnostics ------------===//
/// \file
/// The checker's errors, each compared with what gc 1.19 (types2) prints
/// for the same program, and a few facts it records for later stages.
//===----------------------------------------------------------------------===//
#include "types/types.h"

#include <gtest/gtest.h>

using namespace origo;

namespace {

/// Parses and checks src as x.go; returns the diagnostics as gc prints them.
std::string check(const std::string &src) {
  SourceManager sm;
  Diagnostics d;
  uint32_t id = sm.add("x.go", src);
  auto tree = syntax::parseFile(sm, id, d);
  if (d.empty()) {
    types::Program prog;
    types::checkPackage(prog, "main", {tree.get()}, sm, d, types::CheckConfig{});
  }
  std::string out;
  char *buf = nullptr;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  d.print(f, sm, DiagOptions{});
  fclose(f);
  out.assign(buf, len);
  free(buf);
  return out;
}

TEST(TypeCheck, CleanProgram) {
  EXPECT_EQ(check("package main\n"
                  "func f(a, b int) (int, bool) { return a + b, a < b }\n"
                  "func main() { x, ok := f(1, 2); if ok { println(x) } }\n"),
            "");
}

TEST(TypeCheck, UndefinedAndUnused) {
  EXPECT_EQ(check("package main\nfunc main() {\n\tprintln(y)\n}\n"), "x.go:3:10: undefined: y\n");
  EXPECT_EQ(check("package main\nfunc main() {\n\tvar z int\n}\n"), "x.go:3:6: z declared but not used\n");
  // Assignment is not use; both errors sorted by position.
  EXPECT_EQ(check("package main\nfunc main() {\n\ta := 1\n\ta = 2\n\tb := 3\n}\n"),
            "x.go:3:2: a declared but not used\nx.go:5:2: b declared but not used\n");
}

TEST(TypeCheck, ConstantRepresentability) {
  EXPECT_EQ(check("package main\nfunc main() {\n\tvar x int8 = 300\n\tprintln(x)\n}\n"),
            "x.go:3:15: cannot use 300 (untyped int constant) as int8 value in variable declaration (overflows)\n");
  EXPECT_EQ(check("package main\nconst c int8 = 100\nvar v = c * 2\nfunc main() {}\n"),
            "x.go:3:9: c * 2 (constant 200 of type int8) overflows int8\n");
  EXPECT_EQ(check("package main\nvar v = int8(300)\nfunc main() {}\n"),
            "x.go:2:14: cannot convert 300 (untyped int constant) to type int8\n");
  EXPECT_EQ(check("package main\nvar v int = 1.5\nfunc main() {}\n"),
            "x.go:2:13: cannot use 1.5 (untyped float constant) as int value in variable declaration (truncated)\n");
  EXPECT_EQ(check("package main\nvar v = 1 / 0\nfunc main() {}\n"), "x.go:2:13: invalid operation: division by zero\n");
}

TEST(TypeCheck, OperatorsAndAssignments) {
  EXPECT_EQ(check("package main\nfunc main() {\n\tvar a int\n\tvar b int64\n\tprintln(a + b)\n}\n"),
            "x.go:5:10: invalid operation: a + b (mismatched types int and int64)\n");
  EXPECT_EQ(check("package main\nfunc main() {\n\tx := true\n\tprintln(-x)\n}\n"),
            "x.go:4:10: invalid operation: operator - not defined on x (variable of type bool)\n");
  EXPECT_EQ(check("package main\nfunc main() {\n\tvar s string = 1\n\t_ = s\n}\n"),
            "x.go:3:17: cannot use 1 (untyped int constant) as string value in variable declaration\n");
  EXPECT_EQ(check("package main\nfunc main() {\n\ta := 1\n\ta := 2\n\t_ = a\n}\n"),
            "x.go:4:4: no new variables on left side of :=\n");
  EXPECT_EQ(check("package main\nfunc f() (int, int) { return 1, 2 }\nfunc main() {\n\tx := f()\n\t_ = x\n}\n"),
            "x.go:4:7: assignment mismatch: 1 variable but f returns 2 values\n");
  EXPECT_EQ(check("package main\nfunc main() {\n\tx := 1\n\tx + 1\n}\n"),
            "x.go:4:2: x + 1 (value of type int) is not used\n");
  EXPECT_EQ(check("package main\nfunc main() {\n\tif 1 {\n\t}\n}\n"),
            "x.go:3:5: non-boolean condition in if statement\n");
}

TEST(TypeCheck, CallsAndReturns) {
  EXPECT_EQ(check("package main\nfunc f(a int) {}\nfunc main() {\n\tf(1, 2)\n}\n"),
            "x.go:4:7: too many arguments in call to f\n\thave (number, number)\n\twant (int)\n");
  EXPECT_EQ(check("package main\nfunc f(a, b int) {}\nfunc main() {\n\tf(1)\n}\n"),
            "x.go:4:4: not enough arguments in call to f\n\thave (number)\n\twant (int, int)\n");
  EXPECT_EQ(check("package main\nfunc f() int {\n\treturn\n}\nfunc main() {}\n"),
            "x.go:3:2: not enough return values\n\thave ()\n\twant (int)\n");
  EXPECT_EQ(check("package main\nfunc f() int {\n\tfor i := 0; i < 1; i++ {\n\t\treturn 1\n\t}\n}\nfunc main() {}\n"),
            "x.go:6:1: missing return\n");
  EXPECT_EQ(check("package main\nfunc f() int {\n\tfor {\n\t}\n}\nfunc main() {}\n"), "");
  EXPECT_EQ(check("package main\nfunc main(x int) {}\n"),
            "x.go:2:6: func main must have no arguments and no return values\n");
}

TEST(TypeCheck, BranchesAndLabels) {
  EXPECT_EQ(check("package main\nfunc main() {\n\tbreak\n}\n"),
            "x.go:3:2: break is not in a loop, switch, or select\n");
  EXPECT_EQ(check("package main\nfunc main() {\nL:\n\tfor {\n\t}\n}\n"), "x.go:3:1: label L defined and not used\n");
  EXPECT_EQ(check("package main\nfunc main() {\nL:\n\tfor {\n\t\tbreak L\n\t}\n\tfor {\n\t\tcontinue L\n\t}\n}\n"),
            "x.go:8:12: invalid continue label L\n");
}

TEST(TypeCheck, TooManyErrorsStopsAtTen) {
  std::string src = "package main\nfunc main() {\n";
  for (int i = 0; i < 12; ++i) src += "\tprintln(u" + std::to_string(i) + ")\n";
  src += "}\n";
  std::string out = check(src);
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 11);
  EXPECT_NE(out.find("x.go:13:10: too many errors"), std::string::npos) << out;
}

TEST(TypeCheck, RecordsTypesAndInitOrder) {
  SourceManager sm;
  Diagnostics d;
  uint32_t id = sm.add("x.go", "package main\nvar a = b + 1\nvar b = f()\nfunc f() int { return 2 }\nfunc main() {}\n");
  auto tree = syntax::parseFile(sm, id, d);
  types::Program prog;
  types::Package *pkg = types::checkPackage(prog, "main", {tree.get()}, sm, d, types::CheckConfig{});
  ASSERT_TRUE(d.empty());
  ASSERT_EQ(pkg->initOrder.size(), 2u);
  EXPECT_EQ(pkg->initOrder[0].lhs[0]->name, "b"); // a depends on b
  EXPECT_EQ(pkg->initOrder[1].lhs[0]->name, "a");
  EXPECT_EQ(types::typeString(pkg->scope->lookupLocal("f")->type), "func() int");
}

} // namespace
