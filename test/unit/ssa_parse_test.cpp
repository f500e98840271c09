//===- test/unit/ssa_parse_test.cpp - SSA text form read back -------------===//
/// \file
/// ssa::parse against hand-written SSA text: dump(parse(text)) == text for
/// text in dump's layout, types resolved to the program's interned types,
/// passes runnable on parsed functions, and every malformed input reported
/// with its line and column. Dumps of real programs are round-tripped by
/// tools/check.py's ssa suite (origo_ssaparse -check).
//===----------------------------------------------------------------------===//
#include "ssa/ssa.h"

#include <gtest/gtest.h>

using namespace origo;
using types::BasicKind;
using types::TypeKind;

namespace {

std::vector<std::unique_ptr<ssa::Func>> parseOK(types::Program &prog, const std::string &text,
                                                const types::Package *pkg = nullptr) {
  std::string err;
  auto funcs = ssa::parse(text, prog, pkg, err);
  EXPECT_EQ(err, "") << text;
  return funcs;
}

std::string dumpAll(const std::vector<std::unique_ptr<ssa::Func>> &funcs) {
  std::string out;
  for (auto &f : funcs) out += ssa::dump(*f);
  return out;
}

/// Gaps in the ids, a phi naming a later value, forward block references,
/// quoted and bare aux, negative and unusual auxInt, unknown positions.
const char *const loopText = R"(main.loop func(int, string) (int, bool)
  b1:
    v1 (21) = Arg <int> [0] {n}
    v2 (21) = Arg <string> [1] {s}
    v3 (22) = ConstInt <int> [-9223372036854775808]
    v4 (?) = ConstString <string> {"a\"b\\c\n\x01\xff"}
    v6 (22) = ConstString <string>
    Plain -> b3
  b3: <- b1 b5
    v8 (23) = Phi <int> v3 v9
    v7 (23) = Less <bool> v8 v1
    If v7 -> b5 b4
  b4: <- b3
    v10 (24) = StaticCall <(int, bool)> {"main.F[struct{}]"} v8
    v11 (24) = Select <int> [0] v10
    v14 (24) = Select <bool> [1] v10
    v12 (30) = Return <(int, bool)> v11 v14
    Ret v12
  b5: <- b3
    v20 (23) = ConstInt <int> [1]
    v9 (23) = Add <int> [7] {odd aux} v8 v20
    Plain -> b3
main.die func()
  b2:
    v1 (3) = RuntimeCall <()> {runtime.panicdivide}
    Exit v1
)";

TEST(SSAParse, RoundTrip) {
  types::Program prog;
  auto funcs = parseOK(prog, loopText);
  ASSERT_EQ(funcs.size(), 2u);
  EXPECT_EQ(dumpAll(funcs), loopText);
  for (auto &f : funcs) EXPECT_EQ(ssa::verify(*f), "");
  ssa::Func &f = *funcs[0];
  EXPECT_EQ(f.name, "main.loop");
  EXPECT_TRUE(f.hasParams);
  EXPECT_FALSE(funcs[1]->hasParams);
  EXPECT_EQ(f.numValueIds(), 21u); // ids kept: the next new value is v21
  ASSERT_EQ(f.blocks.size(), 4u);
  EXPECT_EQ(f.blocks[1]->id, 3u);
  const ssa::Value *str = f.blocks[0]->values[3];
  EXPECT_EQ(str->aux, std::string("a\"b\\c\n\x01\xff"));
  EXPECT_EQ(f.blocks[0]->values[2]->auxInt, INT64_MIN);
  const ssa::Value *phi = f.blocks[1]->values[0];
  EXPECT_EQ(phi->op, ssa::Op::Phi);
  ASSERT_EQ(phi->args.size(), 2u);
  EXPECT_EQ(phi->args[1]->id, 9u);
  EXPECT_EQ(phi->args[1]->block, f.blocks[3].get());
  EXPECT_EQ(phi->uses, 3u);
  EXPECT_EQ(f.blocks[2]->values[0]->aux, "main.F[struct{}]");
  EXPECT_EQ(f.blocks[0]->values[0]->pos.line, 21u);
  EXPECT_FALSE(f.blocks[0]->values[3]->pos.valid());
}

/// -d=ssa/<pass>/dump and -d=ssa/<pass>/time output: comment lines between
/// the functions are skipped.
TEST(SSAParse, PassDumpComments) {
  types::Program prog;
  auto funcs = parseOK(prog, "# main.f phielim 3us\n# after phielim\nmain.f func()\n  b1:\n"
                             "    v1 (1) = Return <()>\n    Ret v1\n\n# after copyelim\n"
                             "main.f func()\n  b1:\n    v1 (1) = Return <()>\n    Ret v1\n");
  EXPECT_EQ(funcs.size(), 2u);
}

TEST(SSAParse, Types) {
  types::Program prog;
  types::TypeTable &tt = prog.types();
  types::Package *pkg = prog.newPackage("main");
  pkg->scope = prog.newScope(&prog.universe());
  types::Object *tn = prog.newObject(types::ObjKind::TypeName, "Point", Pos{}, nullptr);
  types::Type *point = tt.named(tn);
  point->underlying = tt.structType({});
  tn->type = point;
  pkg->scope->insert(tn);

  const char *typeTexts[] = {
      "int", "uint8", "unsafe.Pointer", "untyped int", "*[]map[string]int", "[4]int", "chan<- int",
      "<-chan bool", "chan (<-chan int)", "func(int, ...string) (bool, error)", "func() func() int",
      "(int, string)", "()", "struct{}", "struct{a int; b func() \"x\"; Point \"t\\\"ag\"; *Point}",
      "interface{}", "interface{M(int) bool; N()}", "interface{Read([]uint8) (int, error); error}",
      "Point", "error", "Unknown", "List[int, Point]", "func[T any](T) T", "main.Point"};
  std::string text = "main.f func()\n  b1:\n";
  for (size_t i = 0; i < std::size(typeTexts); ++i)
    text += "    v" + std::to_string(i + 1) + " (?) = Copy <" + typeTexts[i] + "> v1\n";
  text += "    Plain -> b1\n";
  auto funcs = parseOK(prog, text, pkg);
  ASSERT_EQ(funcs.size(), 1u);
  EXPECT_EQ(ssa::dump(*funcs[0]), text);
  const auto &vs = funcs[0]->blocks[0]->values;
  auto typeOf = [&](const char *t) {
    for (size_t i = 0; i < std::size(typeTexts); ++i)
      if (std::string(typeTexts[i]) == t) return vs[i]->type;
    return static_cast<const types::Type *>(nullptr);
  };
  for (size_t i = 0; i < std::size(typeTexts); ++i) EXPECT_EQ(types::typeString(vs[i]->type), typeTexts[i]);
  // Interned: the same pointers the checker would use.
  EXPECT_EQ(typeOf("int"), tt.basic(BasicKind::Int));
  EXPECT_EQ(typeOf("*[]map[string]int"),
            tt.pointer(tt.slice(tt.map(tt.basic(BasicKind::String), tt.basic(BasicKind::Int)))));
  EXPECT_EQ(typeOf("[4]int"), tt.array(tt.basic(BasicKind::Int), 4));
  EXPECT_EQ(typeOf("chan<- int")->dir, types::ChanDir::Send);
  EXPECT_EQ(typeOf("<-chan bool")->dir, types::ChanDir::Recv);
  EXPECT_EQ(typeOf("chan (<-chan int)")->elem->dir, types::ChanDir::Recv);
  const types::Type *sig = typeOf("func(int, ...string) (bool, error)");
  EXPECT_EQ(sig->kind, TypeKind::Signature);
  EXPECT_TRUE(sig->variadic);
  EXPECT_EQ(sig->numParams, 2u);
  EXPECT_EQ(sig->list[3], prog.universe().lookup("error")->type);
  EXPECT_EQ(typeOf("(int, string)")->kind, TypeKind::Tuple);
  const types::Type *st = typeOf("struct{a int; b func() \"x\"; Point \"t\\\"ag\"; *Point}");
  ASSERT_EQ(st->fields.size(), 4u);
  EXPECT_EQ(st->fields[1].tag, "x");
  EXPECT_TRUE(st->fields[2].embedded);
  EXPECT_EQ(st->fields[2].tag, "t\"ag");
  EXPECT_EQ(st->fields[3].name, "Point");
  EXPECT_EQ(typeOf("interface{M(int) bool; N()}")->methods.size(), 2u);
  // Names: the package's, the universe's, else opaque (and one per name).
  EXPECT_EQ(typeOf("Point"), point);
  EXPECT_EQ(typeOf("error"), prog.universe().lookup("error")->type);
  const types::Type *unknown = typeOf("Unknown");
  EXPECT_EQ(unknown->kind, TypeKind::Named);
  EXPECT_EQ(unknown->underlying, tt.invalid());
  EXPECT_EQ(typeOf("List[int, Point]")->kind, TypeKind::Named);
  EXPECT_EQ(typeOf("func[T any](T) T")->kind, TypeKind::Named) << "outside the grammar: opaque";
  EXPECT_EQ(typeOf("main.Point")->kind, TypeKind::Named);
  auto again = parseOK(prog, "main.g func(Unknown)\n  b1:\n    v1 (?) = Arg <Unknown> [0]\n    Ret v1\n");
  ASSERT_EQ(again.size(), 1u);
  EXPECT_NE(again[0]->blocks[0]->values[0]->type, unknown) << "a new parse makes its own opaque types";
  EXPECT_EQ(again[0]->blocks[0]->values[0]->type, again[0]->sig->list[0]);
}

/// A parsed function is an ordinary one: the pass table runs on it.
TEST(SSAParse, PassesRunOnParsedText) {
  types::Program prog;
  auto funcs = parseOK(prog, R"(main.f func() int
  b1:
    v1 (2) = ConstInt <int> [3]
    v2 (2) = ConstInt <int> [4]
    v3 (2) = Mul <int> v1 v2
    v4 (2) = ConstBool <bool> [1]
    If v4 -> b2 b3
  b2: <- b1
    v5 (3) = Return <(int)> v3
    Ret v5
  b3: <- b1
    v6 (4) = Return <(int)> v1
    Ret v6
)");
  ASSERT_EQ(funcs.size(), 1u);
  ssa::PassOptions opts;
  opts.checkAll = true;
  std::string out;
  ssa::compile(*funcs[0], opts, out);
  EXPECT_EQ(ssa::dump(*funcs[0]), R"(main.f func() int
  b1:
    v3 (2) = ConstInt <int> [12]
    Plain -> b2
  b2: <- b1
    v5 (3) = Return <(int)> v3
    Ret v5
)");
}

struct BadCase {
  const char *text;
  const char *err;
};

TEST(SSAParse, Errors) {
  const BadCase cases[] = {
      {"  b1:\n", "1:3: expected a function header"},
      {"main.f\n", "1:7: expected a function header: name and signature"},
      {"main.f func()\n", "1:1: function main.f has no blocks"},
      {"main.f func()\n    v1 (1) = Return <()>\n", "2:5: expected a block header bN:"},
      {"main.f func()\n  b0:\n", "2:5: ids start at 1"},
      {"main.f func()\n  b1 <- b2\n", "2:5: expected : after the block id"},
      {"main.f func()\n  b1: b2\n", "2:7: expected <- and the predecessors"},
      {"main.f func()\n  b1: <- 2\n", "2:10: expected b<id>"},
      {"main.f func()\n  b1:\n    v1 (1) = Return <()>\n", "2:1: block b1 has no end line (kind and successors)"},
      {"main.f func()\n  b1:\n  b2:\n", "3:3: block b1 has no end line"},
      {"main.f func()\n  b1:\n    Ret v9\n", "3:1: undefined value v9"},
      {"main.f func()\n  b1:\n    Plain -> b7\n", "3:1: undefined block b7"},
      {"main.f func()\n  b1: <- b7\n    Plain -> b1\n", "2:1: undefined block b7"},
      {"main.f func()\n  b1:\n    Jump -> b1\n", "3:5: expected a value vN = ... or a block kind, not Jump"},
      {"main.f func()\n  b1:\n    Plain b1\n", "3:11: expected -> and the successors"},
      {"main.f func()\n  b1:\n    v1 (1) = Frob <int>\n", "3:14: unknown op Frob"},
      {"main.f func()\n  b1:\n    v1 (1) Add <int>\n", "3:12: expected ="},
      {"main.f func()\n  b1:\n    v1 (x) = Add <int>\n", "3:9: expected a number"},
      {"main.f func()\n  b1:\n    v1 (1 = Add <int>\n", "3:10: expected ) after the line number"},
      {"main.f func()\n  b1:\n    v1 (1) = Add int\n", "3:18: expected <type>"},
      {"main.f func()\n  b1:\n    v1 (1) = Add <int\n", "3:22: unterminated <type>"},
      {"main.f func()\n  b1:\n    v1 (1) = Add <int> v1\n", "3:26: Add takes 2 arguments, not 1"},
      {"main.f func()\n  b1:\n    v1 (1) = Add <int> v1 v1 v1\n", "3:32: Add takes 2 arguments, not 3"},
      {"main.f func()\n  b1:\n    v1 (1) = Add <int> v1 x\n", "3:27: expected v<id>"},
      {"main.f func()\n  b1:\n    v1 (1) = ConstInt <int> [1\n", "3:31: expected ] after auxInt"},
      {"main.f func()\n  b1:\n    v1 (1) = ConstInt <int> [9223372036854775808]\n", "3:48: number out of range"},
      {"main.f func()\n  b1:\n    v1 (1) = ConstInt <int> [99999999999999999999]\n", "3:48: number out of range"},
      {"main.f func()\n  b1:\n    v1 (1) = ConstString <string> {\"ab}\n", "3:40: unterminated string in {aux}"},
      {"main.f func()\n  b1:\n    v1 (1) = ConstString <string> {\"\\q\"}\n", "3:38: unknown escape in {aux}"},
      {"main.f func()\n  b1:\n    v1 (1) = ConstString <string> {\"\\xg0\"}\n", "3:39: bad \\x escape"},
      {"main.f func()\n  b1:\n    v1 (1) = StaticCall <int> {main.g\n", "3:38: unterminated {aux}"},
      {"main.f func()\n  b1:\n    v99999999 (1) = Return <()>\n", "3:13: number out of range"},
      {"main.f func()\n  b1:\n    v1 (1) = Return <()>\n    v1 (2) = Return <()>\n    Ret v1\n",
       "4:1: value v1 defined twice"},
      {"main.f func()\n  b1:\n    Plain -> b1\n  b1: <- b1\n    Plain -> b1\n", "4:1: block b1 defined twice"},
  };
  for (const BadCase &c : cases) {
    types::Program prog;
    std::string err;
    auto funcs = ssa::parse(c.text, prog, nullptr, err);
    EXPECT_TRUE(funcs.empty()) << c.text;
    EXPECT_EQ(err.substr(0, std::string(c.err).size()), c.err) << c.text;
  }
}

/// The verifier, not the parser, judges structure: a parsed function with
/// inconsistent edges parses and fails ssa::verify.
TEST(SSAParse, VerifierSeesParsedStructure) {
  types::Program prog;
  auto funcs = parseOK(prog, "main.f func()\n  b1:\n    Plain -> b2\n  b2:\n    v1 (1) = Return <()>\n    Ret v1\n");
  ASSERT_EQ(funcs.size(), 1u);
  EXPECT_NE(ssa::verify(*funcs[0]).find("edge to b2 missing from its preds"), std::string::npos);
}

} // namespace
