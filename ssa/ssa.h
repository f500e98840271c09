//===- ssa/ssa.h - public interface of ssa/ ---------------------*- C++ -*-===//
/// \file
/// origo's Go-level SSA: functions of basic blocks holding values, each an
/// operation (ops.def) with a Go type, arguments and auxiliary data; built
/// from the typed tree, improved by an ordered table of passes, checked by
/// a verifier, and printed in a text form like gc's
/// (`v4 = Add <int> v2 v3`, block headers `b2: <- b1`).
//===----------------------------------------------------------------------===//
#pragma once

#include "escape/escape.h"
#include "types/types.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace origo::ssa {

enum class Op : uint8_t {
#define OP(Name, NumArgs, Pure, Doc) Name,
#include "ssa/ops.def"
};
const char *opName(Op op);
int opNumArgs(Op op);
bool opPure(Op op);

enum class BlockKind : uint8_t {
  Plain, ///< one successor
  If,    ///< control is a bool; succs[0] if true, succs[1] if false
  Ret,   ///< control is a Return value
  Exit,  ///< control is a call that does not return (a panic)
};
const char *blockKindName(BlockKind k);

struct Block;

struct Value {
  uint32_t id;
  Op op;
  const types::Type *type;
  std::vector<Value *> args;
  int64_t auxInt = 0;
  std::string aux; ///< symbol, string constant or parameter name
  /// The Go type an op is about (TypeDesc: the described type); aux then
  /// holds its name for the text form.
  const types::Type *auxType = nullptr;
  Pos pos;
  Block *block = nullptr;
  uint32_t uses = 0; ///< computed by countUses()
};

struct Block {
  uint32_t id;
  BlockKind kind = BlockKind::Plain;
  std::vector<Value *> values; ///< in execution order
  std::vector<Block *> preds, succs;
  Value *control = nullptr;
  Pos pos;
};

/// One Go function in SSA form.
class Func {
public:
  Func(std::string name, const types::Type *sig) : name(std::move(name)), sig(sig) {}
  Block *newBlock(BlockKind k);
  Value *newValue(Block *b, Op op, const types::Type *t, std::vector<Value *> args, Pos pos);
  /// Appends an edge from -> to.
  static void addEdge(Block *from, Block *to);
  /// Recomputes Value::uses.
  void countUses();
  /// Drops blocks and values no longer referenced (after passes).
  void compact();

  std::string name;           ///< link name, e.g. "main.f"
  const types::Type *sig;     ///< Go signature
  std::string file;           ///< absolute source path (tracebacks)
  Pos pos;
  bool hasParams = false;
  bool noinline = false;      ///< //go:noinline: never inlined (gc's directive)
  /// Made by every package that needs it (generic instances, wrappers of
  /// types of other packages): the linker keeps one (gc's DUPOK).
  bool dupOK = false;
  /// A stand-in any other definition of the symbol replaces (asmStub).
  bool weak = false;
  /// Another package's small function, built here only so that calls to
  /// it can be inlined (gc exports such bodies with the package); its
  /// package's object holds the function itself (LLVM's
  /// available_externally).
  bool inlineOnly = false;
  std::vector<std::unique_ptr<Block>> blocks; ///< blocks[0] is the entry
  /// In a function with defer statements: where a panic unwinding into the
  /// function continues (codegen's landing pad jumps here). It runs the
  /// pending deferred calls; it has no predecessors, and passes keep it as
  /// a second root.
  Block *unwind = nullptr;
  Block *entry() const { return blocks.empty() ? nullptr : blocks[0].get(); }
  uint32_t numValueIds() const { return nextValue_; }

private:
  std::vector<std::unique_ptr<Value>> values_;
  uint32_t nextValue_ = 1, nextBlock_ = 1;
};

/// A value laid out in memory at compile time (gc's staticinit): the
/// bytes of a variable's initial value in the target's layout
/// (little-endian, types/layout.h), with the pointer words that refer to
/// a string's bytes or to another such object listed apart.
struct StaticData {
  const types::Type *type = nullptr;
  std::vector<uint8_t> bytes;
  struct Pointer {
    size_t offset;                      ///< of the pointer word in bytes
    std::string string;                 ///< the bytes of a string constant, or
    std::shared_ptr<StaticData> object; ///< a new object (&T{...}, a slice's array)
  };
  std::vector<Pointer> pointers;
};

/// A package-level variable.
struct Global {
  std::string name; ///< link name
  const types::Type *type;
  /// Its initial value when the initializer is a constant expression
  /// (constants, nil, composite literals and &T{...} of those); such a
  /// variable is not initialized by code in the package's init.
  std::shared_ptr<StaticData> init;
};

/// The SSA of one package.
struct Package {
  std::string path;
  std::vector<std::unique_ptr<Func>> funcs;
  std::vector<Global> globals;
  /// The package's init function (initializes globals, runs init.N).
  std::string initFunc;
  const types::Program *types = nullptr;
};

/// Options of the pass pipeline (`-d=ssa/<pass>/off|dump|time`, `-d=ssa/check/on`).
struct PassOptions {
  /// Parses one -d setting of the form ssa/<pass>/<what>; false if unknown.
  bool parse(const std::string &setting, std::string &err);
  std::vector<std::string> off, dump, time;
  bool checkAll = false;
  bool optimize = true; ///< false with -N: only required passes run
  /// GOSSAFUNC: name of a function whose every pass is written to ssa.html.
  std::string htmlFunc;
  std::string htmlPath = "ssa.html";
};

/// Whether build() emits the wrapper "pkg.(*T).m" of value method m
/// (wrappers.cpp), which itabs of boxed T and of *T call: T is not
/// pointer-shaped.
bool needsPtrWrapper(const types::Object *m);
/// Whether build() emits the "pkg.(*T).m" wrapper for method e promoted
/// to defined type T (a struct type declared in the package, not
/// generic); it follows the embedded fields to m's receiver.
bool needsPromotedWrapper(const types::Type *named, const types::MethodSetEntry &e);

/// Builds SSA for every function of a type-checked package. Constructs the
/// back end cannot compile yet are reported in diags ("... is not supported
/// by origo yet") and the result must then not be compiled. With
/// \p inlineBodies (an optimized build), other packages' small functions
/// the package calls are built too, for inlining (Func::inlineOnly).
std::unique_ptr<Package> build(const types::Package &pkg, const escape::Facts &facts,
                               types::Program &prog, const SourceManager &sm, Diagnostics &diags,
                               bool inlineBodies);

/// Runs the pass table over f. Dumps requested by opts go to out.
void compile(Func &f, const PassOptions &opts, std::string &out);

/// Verifies structural invariants; returns an empty string or a report.
std::string verify(const Func &f);

/// Text form of a function.
std::string dump(const Func &f);

/// Reads functions back from the text form (parse.cpp): several in a row
/// as -stop-after=ssa prints them; lines starting with `#` (the `# after
/// <pass>` of -d=ssa/<pass>/dump) are skipped. Ids are kept, so
/// dump(parse(dump(f))) == dump(f). Types are read with typeString's
/// grammar into prog's types; names are looked up in pkg's scope (if any)
/// and the universe, and a name found in neither becomes an opaque defined
/// type that prints as it read. Positions keep their line only. On error,
/// returns no functions and sets err to "line:col: message".
std::vector<std::unique_ptr<Func>> parse(const std::string &text, types::Program &prog,
                                         const types::Package *pkg, std::string &err);

} // namespace origo::ssa
