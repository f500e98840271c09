//===- ssa/parse.cpp - the text form read back ----------------------------===//
/// \file
/// Reads what dump() prints back into functions, so that a dump is also an
/// input language (as QBE's IL is): a pass can be tested on hand-written
/// SSA, and `dump(parse(dump(f))) == dump(f)` holds for every function.
///
/// The parser is the inverse of func.cpp's dump and is driven by the same
/// tables: op names and argument counts come from ops.def, block kinds from
/// blockKindName, so ops and kinds added later parse without a change here.
/// Value and block ids are kept as written (gaps included), so a parsed
/// function prints with the same numbers.
///
/// Types between `<` and `>` are read with the grammar of types::typeString
/// (basic, pointer, slice, array, map, chan, func, tuple, struct, interface
/// and named types) into the program's interned types, so identical types
/// are the same pointer as in the checker. A name is looked up in the given
/// package's scope, then in the universe; a name found in neither, a
/// generic instance (`List[int]`), and any text outside the grammar become
/// an opaque defined type whose name is that text and whose underlying
/// type is invalid: it prints back exactly as it read, but has no
/// structure.
//===----------------------------------------------------------------------===//
#include "ssa/ssa.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <map>
#include <string_view>

namespace origo::ssa {

namespace {

using types::Type;

/// Op names from ops.def.
const std::map<std::string, Op, std::less<>> &opsByName() {
  static const std::map<std::string, Op, std::less<>> m = {
#define OP(Name, NumArgs, Pure, Doc) {#Name, Op::Name},
#include "ssa/ops.def"
  };
  return m;
}

/// Block kinds by the names blockKindName prints (every value of the
/// enum's range is asked, so new kinds need no change here).
const std::map<std::string, BlockKind, std::less<>> &kindsByName() {
  static const std::map<std::string, BlockKind, std::less<>> m = [] {
    std::map<std::string, BlockKind, std::less<>> r;
    for (unsigned i = 0; i < 256; ++i) {
      std::string n = blockKindName(BlockKind(i));
      if (n != "?") r.emplace(n, BlockKind(i));
    }
    return r;
  }();
  return m;
}

bool isIdentByte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

/// Reads one type in typeString's grammar from a string. Fails (returns
/// nullptr) on anything outside it; the caller then makes an opaque type.
class TypeReader {
public:
  TypeReader(types::Program &prog, const types::Package *pkg,
             std::map<std::string, const Type *, std::less<>> &opaque)
      : prog_(prog), tt_(prog.types()), pkg_(pkg), opaque_(opaque) {
    for (unsigned k = 0; k <= unsigned(types::BasicKind::UntypedNil); ++k) {
      const Type *b = tt_.basic(types::BasicKind(k));
      basics_.emplace(types::typeString(b), b);
    }
  }

  /// The type written as text: exactly one type, or an opaque one.
  const Type *read(std::string_view text) {
    s_ = text;
    i_ = 0;
    const Type *t = type();
    if (t && i_ == s_.size()) return t;
    return opaqueType(text);
  }

  const Type *opaqueType(std::string_view text) {
    auto it = opaque_.find(text);
    if (it != opaque_.end()) return it->second;
    types::Object *obj = prog_.newObject(types::ObjKind::TypeName, std::string(text), Pos{}, nullptr);
    Type *t = tt_.named(obj);
    t->underlying = tt_.invalid();
    obj->type = t;
    opaque_.emplace(std::string(text), t);
    return t;
  }

private:
  bool eat(std::string_view w) {
    if (s_.substr(i_, w.size()) != w) return false;
    i_ += w.size();
    return true;
  }
  char peek(size_t k = 0) const { return i_ + k < s_.size() ? s_[i_ + k] : '\0'; }

  std::string_view ident() {
    size_t b = i_;
    while (i_ < s_.size() && isIdentByte(s_[i_])) ++i_;
    return s_.substr(b, i_ - b);
  }

  /// Types separated by ", " up to (not including) close.
  bool list(char close, std::vector<const Type *> &out, bool *variadic = nullptr) {
    while (peek() != close) {
      if (!out.empty() && !eat(", ")) return false;
      if (variadic && eat("...")) {
        const Type *e = type();
        if (!e || peek() != close) return false;
        out.push_back(tt_.slice(e));
        *variadic = true;
        return true;
      }
      const Type *t = type();
      if (!t) return false;
      out.push_back(t);
    }
    return true;
  }

  /// (params) [result | (results)], after "func" or a method name.
  const Type *signature() {
    std::vector<const Type *> params, results;
    bool variadic = false;
    if (!eat("(") || !list(')', params, &variadic) || !eat(")")) return nullptr;
    // A result follows a space, unless the space starts a struct tag.
    if (peek() == ' ' && peek(1) != '"' && peek(1) != '\0') {
      ++i_;
      if (eat("(")) {
        if (!list(')', results) || !eat(")")) return nullptr;
      } else {
        const Type *r = type();
        if (!r) return nullptr;
        results.push_back(r);
      }
    }
    return tt_.signature(params, results, variadic);
  }

  bool tag(std::string &out) {
    if (!eat(" \"")) return true;
    while (peek() != '"') {
      if (peek() == '\0') return false;
      if (peek() == '\\') ++i_;
      if (peek() == '\0') return false;
      out += s_[i_++];
    }
    ++i_;
    return true;
  }

  const Type *structType() {
    std::vector<types::Field> fields;
    while (!eat("}")) {
      if (!fields.empty() && !eat("; ")) return nullptr;
      types::Field f;
      size_t save = i_;
      std::string_view name = ident();
      if (!name.empty() && peek() == ' ' && peek(1) != '"') {
        ++i_;
        f.name = std::string(name);
      } else {
        i_ = save;
        f.embedded = true;
      }
      f.type = type();
      if (!f.type) return nullptr;
      if (f.embedded) {
        // The field is named after the type name, without * or package.
        std::string_view t = s_.substr(save, i_ - save);
        if (!t.empty() && t[0] == '*') t.remove_prefix(1);
        if (size_t dot = t.rfind('.'); dot != std::string_view::npos) t.remove_prefix(dot + 1);
        f.name = std::string(t);
      }
      if (!tag(f.tag)) return nullptr;
      if (!f.name.empty() && !types::isExportedName(f.name)) f.pkg = pkg_;
      fields.push_back(std::move(f));
    }
    return tt_.structType(std::move(fields));
  }

  const Type *interfaceType() {
    std::vector<types::Object *> methods;
    std::vector<const Type *> embeddeds;
    bool first = true;
    while (!eat("}")) {
      if (!first && !eat("; ")) return nullptr;
      first = false;
      size_t save = i_;
      std::string_view name = ident();
      if (!name.empty() && peek() == '(') {
        const Type *sig = signature();
        if (!sig) return nullptr;
        methods.push_back(prog_.newObject(types::ObjKind::Func, std::string(name), Pos{}, sig));
        continue;
      }
      i_ = save;
      const Type *e = type();
      if (!e) return nullptr;
      embeddeds.push_back(e);
    }
    return tt_.interfaceType(std::move(methods), std::move(embeddeds));
  }

  /// A type name: basic names, the package's types, the universe's
  /// (error, any, byte, ...); otherwise opaque.
  const Type *named(std::string_view name) {
    if (auto b = basics_.find(name); b != basics_.end()) return b->second;
    std::string n(name);
    if (pkg_ && pkg_->scope)
      if (types::Object *o = pkg_->scope->lookupLocal(n); o && o->kind == types::ObjKind::TypeName && o->type)
        return o->type;
    if (types::Object *o = prog_.universe().lookup(n); o && o->kind == types::ObjKind::TypeName && o->type)
      return o->type;
    return opaqueType(name);
  }

  const Type *type() {
    size_t start = i_;
    if (eat("*")) {
      const Type *e = type();
      return e ? tt_.pointer(e) : nullptr;
    }
    if (eat("[]")) {
      const Type *e = type();
      return e ? tt_.slice(e) : nullptr;
    }
    if (eat("[")) {
      size_t b = i_;
      while (std::isdigit(static_cast<unsigned char>(peek()))) ++i_;
      if (i_ == b || i_ - b > 18 || !eat("]")) return nullptr;
      int64_t n = std::stoll(std::string(s_.substr(b, i_ - 1 - b)));
      const Type *e = type();
      return e ? tt_.array(e, n) : nullptr;
    }
    if (eat("map[")) {
      const Type *k = type();
      if (!k || !eat("]")) return nullptr;
      const Type *e = type();
      return e ? tt_.map(k, e) : nullptr;
    }
    if (eat("chan<- ") || eat("<-chan ") || eat("chan ")) {
      types::ChanDir dir = s_[start] == '<' ? types::ChanDir::Recv
                           : s_[start + 4] == '<' ? types::ChanDir::Send
                                                  : types::ChanDir::Both;
      bool paren = dir == types::ChanDir::Both && eat("(");
      const Type *e = type();
      if (!e || (paren && !eat(")"))) return nullptr;
      return tt_.chan(e, dir);
    }
    if (eat("func(")) {
      --i_;
      return signature();
    }
    if (eat("(")) {
      std::vector<const Type *> elems;
      if (!list(')', elems) || !eat(")")) return nullptr;
      return tt_.tuple(elems);
    }
    if (eat("struct{")) return structType();
    if (eat("interface{")) return interfaceType();
    // Names: two-word basic names, qualified names, instances.
    if (eat("untyped ") || eat("invalid ")) {
      ident();
      return named(s_.substr(start, i_ - start));
    }
    std::string_view name = ident();
    if (name.empty()) return nullptr;
    if (eat(".")) {
      if (ident().empty()) return nullptr;
      name = s_.substr(start, i_ - start);
    }
    if (eat("[")) {
      std::vector<const Type *> args;
      if (!list(']', args) || !eat("]")) return nullptr;
      return opaqueType(s_.substr(start, i_ - start));
    }
    return named(name);
  }

  types::Program &prog_;
  types::TypeTable &tt_;
  const types::Package *pkg_;
  std::map<std::string, const Type *, std::less<>> &opaque_;
  std::map<std::string, const Type *, std::less<>> basics_; ///< by typeString
  std::string_view s_;
  size_t i_ = 0;
};

/// Ids are dense small numbers; this bounds the placeholders made for gaps.
constexpr uint32_t maxId = 1u << 24;

/// Reads the text line by line (a cursor in the current line), collecting
/// each function's blocks and values as written; finishFunc() then builds
/// the Func. Errors carry line and column.
class Parser {
public:
  Parser(const std::string &text, types::Program &prog, const types::Package *pkg)
      : text_(text), types_(prog, pkg, opaque_) {}

  bool run(std::vector<std::unique_ptr<Func>> &out) {
    size_t at = 0;
    while (at <= text_.size() && err_.empty()) {
      size_t nl = text_.find('\n', at);
      if (nl == std::string::npos) nl = text_.size();
      line_ = std::string_view(text_).substr(at, nl - at);
      ++lineNo_;
      i_ = 0;
      at = nl + 1;
      parseLine();
    }
    if (err_.empty()) finishFunc();
    if (!err_.empty()) return false;
    out = std::move(funcs_);
    return true;
  }

  std::string err_;

private:
  struct ValueText {
    uint32_t id;
    Pos pos;
    Op op;
    const Type *type;
    bool hasAuxInt = false;
    int64_t auxInt = 0;
    std::string aux;
    std::vector<std::pair<uint32_t, int>> args; ///< id, line (for errors)
    int line;
  };
  struct BlockText {
    uint32_t id;
    int line, endLine = 0;
    std::vector<uint32_t> preds, succs;
    std::vector<ValueText> values;
    bool ended = false;
    BlockKind kind = BlockKind::Plain;
    uint32_t control = 0;
    bool unwind = false; ///< `bN: unwind`: the function's Func::unwind
  };

  bool fail(const std::string &msg) {
    if (err_.empty()) err_ = std::to_string(lineNo_) + ":" + std::to_string(i_ + 1) + ": " + msg;
    return false;
  }
  char peek() const { return i_ < line_.size() ? line_[i_] : '\0'; }
  void spaces() {
    while (peek() == ' ' || peek() == '\t') ++i_;
  }
  bool eat(std::string_view w) {
    if (line_.substr(i_, w.size()) != w) return false;
    i_ += w.size();
    return true;
  }
  bool atEnd() {
    spaces();
    return i_ >= line_.size();
  }
  /// A word up to the next space.
  std::string_view word() {
    size_t b = i_;
    while (i_ < line_.size() && line_[i_] != ' ' && line_[i_] != '\t') ++i_;
    return line_.substr(b, i_ - b);
  }
  bool number(uint64_t &n, uint64_t max) {
    size_t b = i_;
    n = 0;
    while (std::isdigit(static_cast<unsigned char>(peek()))) {
      uint64_t d = uint64_t(peek() - '0');
      if (n > (max - d) / 10) return fail("number out of range");
      n = n * 10 + d;
      ++i_;
    }
    return i_ > b || fail("expected a number");
  }
  /// `v12` or `b3`.
  bool ref(char prefix, uint32_t &id) {
    if (!eat(std::string_view(&prefix, 1))) return fail(std::string("expected ") + prefix + "<id>");
    uint64_t n;
    if (!number(n, maxId)) return false;
    if (n == 0) return fail("ids start at 1");
    id = uint32_t(n);
    return true;
  }

  void parseLine() {
    spaces();
    size_t indent = i_;
    if (i_ >= line_.size() || line_[i_] == '#') return; // blank, or `# after <pass>`
    if (indent == 0) {
      parseHeader();
      return;
    }
    if (!func_) {
      fail("expected a function header");
      return;
    }
    size_t save = i_;
    if (eat("b") && std::isdigit(static_cast<unsigned char>(peek()))) {
      i_ = save;
      parseBlockHeader();
      return;
    }
    i_ = save;
    if (!block_ || block_->ended) {
      fail("expected a block header bN:");
      return;
    }
    if (eat("v") && std::isdigit(static_cast<unsigned char>(peek()))) {
      i_ = save;
      parseValue();
    } else {
      parseBlockEnd();
    }
  }

  /// `main.f func(int) int`: the name runs to the first space outside
  /// brackets (instance names like `main.F[int, string]` contain some).
  void parseHeader() {
    finishFunc();
    if (!err_.empty()) return;
    int depth = 0;
    size_t b = i_;
    for (; i_ < line_.size(); ++i_) {
      char c = line_[i_];
      if (c == '[' || c == '(' || c == '{') ++depth;
      else if ((c == ']' || c == ')' || c == '}') && depth > 0) --depth;
      else if (c == ' ' && depth == 0) break;
    }
    std::string name(line_.substr(b, i_ - b));
    if (!eat(" ")) {
      fail("expected a function header: name and signature");
      return;
    }
    const Type *sig = types_.read(line_.substr(i_));
    func_ = std::make_unique<Func>(name, sig);
    func_->hasParams = sig->kind == types::TypeKind::Signature && sig->numParams > 0;
    funcLine_ = lineNo_;
  }

  /// `b2: <- b1 b5`, `b7: unwind`
  void parseBlockHeader() {
    if (block_ && !block_->ended) {
      fail("block b" + std::to_string(block_->id) + " has no end line (kind and successors)");
      return;
    }
    BlockText b;
    b.line = lineNo_;
    if (!ref('b', b.id)) return;
    if (!eat(":")) {
      fail("expected : after the block id");
      return;
    }
    spaces();
    if (eat("unwind")) b.unwind = true;
    if (!atEnd()) {
      if (!eat("<-")) {
        fail("expected <- and the predecessors");
        return;
      }
      while (!atEnd()) {
        uint32_t p;
        if (!ref('b', p)) return;
        b.preds.push_back(p);
      }
    }
    blocks_.push_back(std::move(b));
    block_ = &blocks_.back();
  }

  /// `v4 (12) = Add <int> [auxInt] {aux} v2 v3`
  void parseValue() {
    ValueText v;
    v.line = lineNo_;
    if (!ref('v', v.id)) return;
    spaces();
    if (eat("(")) {
      uint64_t line = 0;
      if (!eat("?") && !number(line, UINT32_MAX)) return;
      if (!eat(")")) {
        fail("expected ) after the line number");
        return;
      }
      v.pos.line = uint32_t(line);
      spaces();
    }
    if (!eat("=")) {
      fail("expected =");
      return;
    }
    spaces();
    std::string_view opText = word();
    auto op = opsByName().find(opText);
    if (op == opsByName().end()) {
      i_ -= opText.size();
      fail("unknown op " + std::string(opText));
      return;
    }
    v.op = op->second;
    spaces();
    if (!parseType(v.type)) return;
    spaces();
    if (eat("[")) {
      bool neg = eat("-");
      uint64_t n;
      if (!number(n, neg ? uint64_t(INT64_MAX) + 1 : uint64_t(INT64_MAX))) return;
      if (!eat("]")) {
        fail("expected ] after auxInt");
        return;
      }
      v.hasAuxInt = true;
      v.auxInt = neg ? int64_t(0 - n) : int64_t(n);
      spaces();
    }
    if (eat("{")) {
      if (!parseAux(v.aux)) return;
      spaces();
    }
    while (!atEnd()) {
      uint32_t a;
      if (!ref('v', a)) return;
      v.args.push_back({a, lineNo_});
    }
    int want = opNumArgs(v.op);
    if (want >= 0 && int(v.args.size()) != want) {
      fail(std::string(opName(v.op)) + " takes " + std::to_string(want) + " arguments, not " +
           std::to_string(v.args.size()));
      return;
    }
    block_->values.push_back(std::move(v));
  }

  /// After `<`: the type up to the `>` that closes it (types contain `<-`
  /// but no `>` outside struct tags' quotes; a null type prints `<nil>`).
  bool parseType(const Type *&t) {
    if (!eat("<")) return fail("expected <type>");
    if (eat("<nil>>")) {
      t = nullptr;
      return true;
    }
    size_t b = i_;
    bool quoted = false;
    for (; i_ < line_.size(); ++i_) {
      char c = line_[i_];
      if (quoted && c == '\\') ++i_;
      else if (c == '"') quoted = !quoted;
      else if (c == '>' && !quoted) break;
    }
    if (i_ >= line_.size()) return fail("unterminated <type>");
    t = types_.read(line_.substr(b, i_ - b));
    ++i_;
    return true;
  }

  /// After `{`: a quoted Go string (with the escapes dump writes) or bare
  /// text up to the closing brace.
  bool parseAux(std::string &aux) {
    if (!eat("\"")) {
      size_t b = i_;
      while (i_ < line_.size() && line_[i_] != '}') ++i_;
      aux = std::string(line_.substr(b, i_ - b));
      return eat("}") || fail("unterminated {aux}");
    }
    for (;;) {
      if (i_ >= line_.size()) return fail("unterminated string in {aux}");
      char c = line_[i_++];
      if (c == '"') break;
      if (c != '\\') {
        aux += c;
        continue;
      }
      char e = peek();
      ++i_;
      static const std::string_view from = "abfnrtv\\\"", to = "\a\b\f\n\r\t\v\\\"";
      if (size_t k = from.find(e); k != std::string_view::npos && e != '\0') {
        aux += to[k];
      } else if (e == 'x') {
        int n = 0;
        for (int j = 0; j < 2; ++j) {
          char h = peek();
          if (!std::isxdigit(static_cast<unsigned char>(h))) return fail("bad \\x escape");
          n = n * 16 + (std::isdigit(static_cast<unsigned char>(h)) ? h - '0' : (std::tolower(h) - 'a' + 10));
          ++i_;
        }
        aux += char(n);
      } else {
        --i_;
        return fail("unknown escape in {aux}");
      }
    }
    return eat("}") || fail("expected } after the string");
  }

  /// `If v5 -> b2 b3`, `Plain -> b2`, `Ret v8`
  void parseBlockEnd() {
    std::string_view kindText = word();
    auto k = kindsByName().find(kindText);
    if (k == kindsByName().end()) {
      i_ -= kindText.size();
      fail("expected a value vN = ... or a block kind, not " + std::string(kindText));
      return;
    }
    block_->kind = k->second;
    block_->endLine = lineNo_;
    spaces();
    if (peek() == 'v' && !ref('v', block_->control)) return;
    if (!atEnd()) {
      if (!eat("->")) {
        fail("expected -> and the successors");
        return;
      }
      while (!atEnd()) {
        uint32_t s;
        if (!ref('b', s)) return;
        block_->succs.push_back(s);
      }
    }
    block_->ended = true;
  }

  /// Builds the function read so far. Blocks and values are made in id
  /// order, gaps filled with placeholders that are dropped again, so
  /// every id stays what the text says.
  void finishFunc() {
    if (!func_) return;
    Func &f = *func_;
    if (block_ && !block_->ended) {
      lineNo_ = block_->line;
      i_ = 0;
      fail("block b" + std::to_string(block_->id) + " has no end line (kind and successors)");
      return;
    }
    if (blocks_.empty()) {
      lineNo_ = funcLine_;
      i_ = 0;
      fail("function " + f.name + " has no blocks");
      return;
    }
    // 1. Ids: unique, and the placeholders for the gaps between them.
    std::map<uint32_t, const BlockText *> blockIds;
    std::map<uint32_t, const ValueText *> valueIds;
    for (const BlockText &b : blocks_) {
      if (!blockIds.emplace(b.id, &b).second) return failAt(b.line, "block b" + std::to_string(b.id) + " defined twice");
      for (const ValueText &v : b.values)
        if (!valueIds.emplace(v.id, &v).second) return failAt(v.line, "value v" + std::to_string(v.id) + " defined twice");
    }
    std::vector<Block *> blockById(blockIds.rbegin()->first + 1, nullptr);
    for (uint32_t id = 1; id < blockById.size(); ++id) {
      Block *b = f.newBlock(BlockKind::Plain);
      if (blockIds.count(id)) blockById[id] = b;
    }
    uint32_t maxValue = valueIds.empty() ? 0 : valueIds.rbegin()->first;
    std::vector<Value *> valueById(maxValue + 1, nullptr);
    for (uint32_t id = 1; id <= maxValue; ++id) {
      auto it = valueIds.find(id);
      if (it == valueIds.end()) {
        f.newValue(nullptr, Op::Invalid, nullptr, {}, Pos{});
        continue;
      }
      const ValueText &vt = *it->second;
      Value *v = f.newValue(nullptr, vt.op, vt.type, {}, vt.pos);
      v->auxInt = vt.auxInt;
      v->aux = vt.aux;
      valueById[id] = v;
    }
    auto blockRef = [&](uint32_t id, int line, Block *&out) {
      if (id < blockById.size() && blockById[id]) {
        out = blockById[id];
        return true;
      }
      failAt(line, "undefined block b" + std::to_string(id));
      return false;
    };
    auto valueRef = [&](uint32_t id, int line, Value *&out) {
      if (id < valueById.size() && valueById[id]) {
        out = valueById[id];
        return true;
      }
      failAt(line, "undefined value v" + std::to_string(id));
      return false;
    };
    // 2. Blocks in text order, edges and values as written.
    std::vector<std::unique_ptr<Block>> all = std::move(f.blocks);
    f.blocks.clear();
    for (const BlockText &bt : blocks_) {
      Block *b = blockById[bt.id];
      b->kind = bt.kind;
      if (bt.unwind) f.unwind = b;
      for (uint32_t p : bt.preds) {
        Block *pb;
        if (!blockRef(p, bt.line, pb)) return;
        b->preds.push_back(pb);
      }
      for (uint32_t s : bt.succs) {
        Block *sb;
        if (!blockRef(s, bt.endLine, sb)) return;
        b->succs.push_back(sb);
      }
      if (bt.control && !valueRef(bt.control, bt.endLine, b->control)) return;
      for (const ValueText &vt : bt.values) {
        Value *v = valueById[vt.id];
        v->block = b;
        for (auto [a, line] : vt.args) {
          Value *av;
          if (!valueRef(a, line, av)) return;
          v->args.push_back(av);
        }
        b->values.push_back(v);
      }
      f.blocks.push_back(std::move(all[bt.id - 1]));
    }
    f.compact();
    f.countUses();
    funcs_.push_back(std::move(func_));
    blocks_.clear();
    block_ = nullptr;
  }

  void failAt(int line, const std::string &msg) {
    lineNo_ = line;
    i_ = 0;
    fail(msg);
  }

  const std::string &text_;
  std::map<std::string, const Type *, std::less<>> opaque_;
  TypeReader types_;
  std::string_view line_;
  size_t i_ = 0;
  int lineNo_ = 0;
  std::vector<std::unique_ptr<Func>> funcs_;
  std::unique_ptr<Func> func_;
  int funcLine_ = 0;
  std::deque<BlockText> blocks_;
  BlockText *block_ = nullptr;
};

} // namespace

std::vector<std::unique_ptr<Func>> parse(const std::string &text, types::Program &prog,
                                         const types::Package *pkg, std::string &err) {
  Parser p(text, prog, pkg);
  std::vector<std::unique_ptr<Func>> funcs;
  err.clear();
  if (!p.run(funcs)) err = p.err_;
  return funcs;
}

} // namespace origo::ssa
