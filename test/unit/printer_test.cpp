//===- test/unit/printer_test.cpp - the Go source printer -----------------===//
/// \file
/// Printing a parsed file and parsing the output gives back the same tree
/// (positions aside) for the constructs where the tree records less than
/// the source: generics, channel directions, elided literal types, labels,
/// type switches, select, full slices, struct tags, method expressions and
/// function literals; hand-built trees get the parentheses they need; deep
/// nesting prints without deep recursion.
//===----------------------------------------------------------------------===//
#include "frontend/printer.h"

#include "frontend/frontend.h"

#include <gtest/gtest.h>

#include <vector>

using namespace origo;
using namespace origo::syntax;

namespace {

/// Where two trees first differ by kind, operator, text or children, or "".
/// Iterative, so deeply nested trees compare without deep recursion.
std::string firstDifference(const Tree &a, const Tree &b) {
  std::vector<std::pair<NodeId, NodeId>> work{{a.root, b.root}};
  while (!work.empty()) {
    auto [x, y] = work.back();
    work.pop_back();
    if (x.valid() != y.valid()) return "missing node";
    if (!x.valid()) continue;
    if (a.kind(x) != b.kind(y))
      return std::string(nodeKindName(a.kind(x))) + " vs " + std::string(nodeKindName(b.kind(y)));
    if (a[x].op != b[y].op) return "operator of " + std::string(nodeKindName(a.kind(x)));
    if (a[x].text != b[y].text) return std::string(a[x].text) + " vs " + std::string(b[y].text);
    if (a.numKids(x) != b.numKids(y)) return "children of " + std::string(nodeKindName(a.kind(x)));
    for (size_t i = 0; i < a.numKids(x); ++i) work.push_back({a.kid(x, i), b.kid(y, i)});
  }
  if (a.directives.size() != b.directives.size()) return "directives";
  for (size_t i = 0; i < a.directives.size(); ++i)
    if (a.directives[i].text != b.directives[i].text) return "directive " + a.directives[i].text;
  return "";
}

std::string errorsOf(const Diagnostics &d) {
  std::string s;
  for (const Diagnostic &e : d.all())
    s += std::to_string(e.pos.line) + ":" + std::to_string(e.pos.col) + ": " + e.msg + "\n";
  return s;
}

/// Parses src, prints it, parses the output; checks both parse cleanly and
/// give the same tree. Returns the printed text.
std::string roundTrip(const std::string &src) {
  SourceManager sm;
  Diagnostics d;
  auto first = parseFile(sm, sm.add("a.go", src), d);
  EXPECT_EQ(errorsOf(d), "") << src;
  std::string printed = printFile(*first);
  auto second = parseFile(sm, sm.add("printed.go", printed), d);
  EXPECT_EQ(errorsOf(d), "") << printed;
  EXPECT_EQ(firstDifference(*first, *second), "") << printed;
  return printed;
}

TEST(Printer, GenericTypesAndFuncs) {
  roundTrip(R"(package p
type List[T any] struct { next *List[T]; val T }
type Pair[K comparable, V any] struct { k K; v V }
type Ptr[P *C] struct{}
type PtrT[P *C,] struct{}
type Arr [N]int
type Num interface { ~int | ~float64 | string; String() string }
type Alias = Pair[int, string]
func Map[T, U any](xs []T, f func(T) U) []U { return nil }
func (l *List[T]) Push(v T) {}
func (Pair[_, _]) None() {}
var f = Map[int, string]
var g = Map[int]
var h = (*List[int]).Push
)");
}

TEST(Printer, ChannelDirections) {
  std::string out = roundTrip(R"(package p
var a chan<- int
var b <-chan int
var c chan (<-chan int)
var d chan<- <-chan int
var e <-chan <-chan int
var f chan<- chan int
var g = (<-chan int)(nil)
var h = make(chan<- []chan int, 1)
func r(ch <-chan int) (int, bool) { v, ok := <-ch; ch2 := <-chan int(nil); _ = ch2; return v, ok }
)");
  EXPECT_NE(out.find("chan (<-chan int)"), std::string::npos) << out;
}

TEST(Printer, CompositeLiteralsWithElidedTypes) {
  std::string out = roundTrip(R"(package p
var a = [][]int{{1, 2}, {}, {3}}
var b = map[string][]int{"a": {1}, "b": {}}
var c = []*T{{X: 1}, {}}
var d = map[[2]int]string{{1, 2}: "x", {}: "y"}
var e = [...]T{T{1}, {2}}
var f = struct{ x, y int }{1, 2}
func g() { if x == (T{}) { } ; for _, v := range []int{1} { _ = v }; switch (T{}) { } }
)");
  EXPECT_NE(out.find("{{1, 2}, {}, {3}}"), std::string::npos) << out;
}

TEST(Printer, LabeledStatements) {
  std::string out = roundTrip(R"(package p
func f() {
L:
	for {
		break L
	}
M: ;
	x++
	goto M
	for {
	N: {
			continue
		}
		goto N
	}
}
)");
  EXPECT_NE(out.find("M: ;"), std::string::npos) << out;
}

TEST(Printer, TypeSwitches) {
  roundTrip(R"(package p
func f(y interface{}) {
	switch x := y.(type) {
	case int, string:
		_ = x
	case nil, []int, map[string]int, func(), *T, chan<- int:
	default:
		break
	}
	switch y.(type) {}
	switch a := g(); b := a.(type) { case <-chan int: _ = b }
	switch (y).(type) {}
	switch x := 1; { case x > 0: }
	switch { }
}
)");
}

TEST(Printer, Select) {
  roundTrip(R"(package p
func f(ch chan int) {
	select {
	case v := <-ch:
		_ = v
	case ch <- 1:
	case <-ch:
	case v, ok = <-ch:
	default:
	}
	select {}
}
)");
}

TEST(Printer, SlicesStructTagsMethodExpressions) {
  std::string out = roundTrip(R"(package p
type S struct {
	A, B int "json:\"a\""
	C    string `x:"y"`
	D, E string
	*T
	q.R `tag`
	G[int]
}
func f(s []int) {
	_ = s[1:2:3]
	_ = s[:2:3]
	_ = s[:]
	_ = s[1:]
	_ = s[:2]
	m := (*T).M
	n := T.M
	o := (interface{ M() }).M
	_, _, _ = m, n, o
}
)");
  EXPECT_NE(out.find("s[:2:3]"), std::string::npos) << out;
  EXPECT_NE(out.find("A, B int \"json:\\\"a\\\"\""), std::string::npos) << out;
}

TEST(Printer, FuncLiteralsAndStatements) {
  roundTrip(R"(package p
import (
	"fmt"
	m "math"
	. "strings"
	_ "unsafe"
)
import "os"
const (
	A = iota
	B
	C, D int = 1, 2
)
var ()
func f(a, b int, c ...string) (x, y int, err error) {
	func() {}()
	go func(x int) {}(1)
	defer func() (int, error) { return 0, nil }()
	g := func(fs ...func() int) func() int { return fs[0] }
	fmt.Println(c...)
	var z = - -a
	z = -(-a) + ^b &^ (a - (b - 1)) * (a + b)
	z <<= 2
	p := &z
	*p, z = *p**p, !true == false
	x += a &^ ^b
	if z := 1; z > 0 { } else if z < 0 { } else { }
	for i := 0; i < 10; i++ { }
	for ; ; { break }
	for range c { }
	for i := range c { _ = i }
	for a < b { a++ }
	type local struct{}
	return m.Sqrt(1), g()(), os.ErrClosed
}
func noBody() int
)");
}

TEST(Printer, Directives) {
  std::string out = roundTrip(R"(//go:build linux
package p

//go:noinline
func f() {}

//go:linkname g runtime.g
var g int
)");
  EXPECT_LT(out.find("//go:noinline"), out.find("func f"));
}

TEST(Printer, DirectivesInsideGroupsStayWithTheirSpec) {
  // Printed after the group they would apply to nothing (misplaced).
  std::string out = roundTrip(R"(package p

import "embed"

var (
	//go:embed a.txt
	a embed.FS

	//go:embed b.txt
	b embed.FS
)
)");
  EXPECT_LT(out.find("//go:embed b.txt"), out.find("b embed.FS"));
  EXPECT_GT(out.find("//go:embed b.txt"), out.find("a embed.FS"));
}

/// A tree not made by the parser: operands of lower precedence get
/// parentheses, nested unary operators a space.
TEST(Printer, HandBuiltTreeGetsParentheses) {
  Tree t;
  Pos p{0, 1, 1};
  using K = NodeKind;
  auto id = [&](const char *s) { return t.add(K::Ident, p, {}, Tok::EOF_, s); };
  NodeId sum = t.add(K::BinaryExpr, p, {id("a"), id("b")}, Tok::Add);
  NodeId prod = t.add(K::BinaryExpr, p, {sum, id("c")}, Tok::Mul);
  NodeId diff = t.add(K::BinaryExpr, p, {id("d"), t.add(K::BinaryExpr, p, {id("e"), id("f")}, Tok::Sub)},
                      Tok::Sub);
  NodeId neg = t.add(K::UnaryExpr, p, {t.add(K::UnaryExpr, p, {id("x")}, Tok::Sub)}, Tok::Sub);
  NodeId sel = t.add(K::SelectorExpr, p, {t.add(K::StarExpr, p, {id("y")}), id("z")});
  NodeId values = t.add(K::ExprList, p, {prod, diff, neg, sel});
  NodeId names = t.add(K::IdentList, p, {id("v"), id("w"), id("u"), id("s")});
  NodeId spec = t.add(K::ValueSpec, p, {names, None, values});
  NodeId decl = t.add(K::VarDecl, p, {spec});
  t.root = t.add(K::File, p, {id("p"), decl});
  std::string out = printFile(t);
  EXPECT_NE(out.find("(a + b) * c, d - (e - f), - -x, (*y).z"), std::string::npos) << out;
}

/// 50,000 levels of nesting print (and the trees compare) without
/// recursing once per level.
TEST(Printer, DeepNesting) {
  const int depth = 50000;
  std::string src = "package p\nvar x = ";
  src += std::string(depth, '(') + "1" + std::string(depth, ')') + "\nfunc f() {\n";
  src += std::string(depth, '{') + std::string(depth, '}') + "\n}\n";
  std::string out = roundTrip(src);
  EXPECT_LT(out.size(), 2u * src.size() + size_t(depth) * 2 * 40);
}

} // namespace
