//===- ssa/staticinit.cpp - package variables initialized as data ---------===//
/// \file
/// gc's staticinit: a package-level variable whose initializer is a
/// constant expression — a constant, nil, or a composite literal (or
/// &T{...}) made only of those — is laid out at compile time as the
/// variable's initial memory (StaticData), and the package's init does
/// nothing for it. Tables such as unicode's become data instead of
/// thousands of stores in one function, which is smaller, starts faster
/// and compiles in a fraction of the time. Anything else (calls, other
/// variables, interface values, maps, function values) stays code.
//===----------------------------------------------------------------------===//
#include "ssa/builder.h"

#include <cstring>

namespace origo::ssa {

namespace {

void putLE(StaticData &d, size_t off, uint64_t v, size_t n) {
  for (size_t i = 0; i < n; ++i) d.bytes[off + i] = uint8_t(v >> (8 * i));
}

} // namespace

std::shared_ptr<StaticData> Builder::staticValue(NodeId e, const Type *t) {
  auto d = std::make_shared<StaticData>();
  d->type = t;
  d->bytes.assign(size_t(types::layoutOf(t).size), 0);
  if (!staticInto(e, t, *d, 0)) return nullptr;
  return d;
}

bool Builder::staticInto(NodeId e, const Type *t, StaticData &d, size_t off) {
  const syntax::Tree &tr = *tree_;
  while (tr.kind(e) == NodeKind::ParenExpr) e = tr.kid(e, 0);
  const Type *u = types::under(t);
  const types::TypeAndValue &v = tv(e);
  if (tr.kind(e) == NodeKind::Ident && info_->uses[e.index] && info_->uses[e.index]->kind == ObjKind::Nil)
    return true; // the zero bytes
  if (v.value) {
    const types::Constant &c = *v.value;
    if (u->kind != types::TypeKind::Basic) return false; // a constant in an interface: boxed by code
    switch (u->basic) {
    case BasicKind::Bool: case BasicKind::UntypedBool:
      d.bytes[off] = c.boolVal();
      return true;
    case BasicKind::String: case BasicKind::UntypedString:
      if (!c.stringVal().empty()) {
        d.pointers.push_back({off, c.stringVal(), nullptr});
        putLE(d, off + 8, c.stringVal().size(), 8);
      }
      return true;
    case BasicKind::Float32: {
      float f = float(c.toDouble());
      uint32_t bits;
      std::memcpy(&bits, &f, 4);
      putLE(d, off, bits, 4);
      return true;
    }
    case BasicKind::Float64: {
      double f = c.toDouble();
      uint64_t bits;
      std::memcpy(&bits, &f, 8);
      putLE(d, off, bits, 8);
      return true;
    }
    case BasicKind::Complex64: case BasicKind::Complex128: {
      bool small = u->basic == BasicKind::Complex64;
      double parts[2] = {c.real().toDouble(), c.imag().toDouble()};
      for (int i = 0; i < 2; ++i) {
        if (small) {
          float f = float(parts[i]);
          uint32_t bits;
          std::memcpy(&bits, &f, 4);
          putLE(d, off + 4 * i, bits, 4);
        } else {
          uint64_t bits;
          std::memcpy(&bits, &parts[i], 8);
          putLE(d, off + 8 * i, bits, 8);
        }
      }
      return true;
    }
    default: {
      if (!types::isInteger(u)) return false;
      auto iv = c.toInt();
      if (!iv) return false;
      uint64_t bits = types::isUnsigned(u) ? iv->uint64Val() : uint64_t(iv->int64Val());
      putLE(d, off, bits, size_t(types::layoutOf(u).size));
      return true;
    }
    }
  }
  if (tr.kind(e) == NodeKind::UnaryExpr && tr[e].op == Tok::And && u->kind == types::TypeKind::Pointer) {
    // &T{...}: a new object of its own.
    NodeId x = tr.kid(e, 0);
    while (tr.kind(x) == NodeKind::ParenExpr) x = tr.kid(x, 0);
    if (tr.kind(x) != NodeKind::CompositeLit) return false;
    std::shared_ptr<StaticData> obj = staticValue(x, u->elem);
    if (!obj) return false;
    d.pointers.push_back({off, "", obj});
    return true;
  }
  if (tr.kind(e) != NodeKind::CompositeLit) return false;
  if (u->kind == types::TypeKind::Pointer) {
    // An element {...} standing for &T{...} (type elided).
    std::shared_ptr<StaticData> obj = staticValue(e, u->elem);
    if (!obj) return false;
    d.pointers.push_back({off, "", obj});
    return true;
  }
  if (u->kind != types::TypeKind::Struct && u->kind != types::TypeKind::Array && u->kind != types::TypeKind::Slice)
    return false;
  std::vector<LiteralElement> elems = literalElements(e, u);
  if (u->kind == types::TypeKind::Struct) {
    std::vector<int64_t> offs = types::fieldOffsets(u);
    for (const LiteralElement &el : elems)
      if (!staticInto(el.value, u->fields[size_t(el.index)].type, d, off + size_t(offs[size_t(el.index)])))
        return false;
    return true;
  }
  const Type *et = u->elem;
  size_t esize = size_t(types::layoutOf(et).size);
  if (u->kind == types::TypeKind::Array) {
    for (const LiteralElement &el : elems)
      if (!staticInto(el.value, et, d, off + size_t(el.index) * esize)) return false;
    return true;
  }
  // A slice: its array is an object of its own.
  int64_t len = literalLength(elems);
  auto arr = std::make_shared<StaticData>();
  arr->type = tt_.array(et, len);
  arr->bytes.assign(size_t(len) * esize, 0);
  for (const LiteralElement &el : elems)
    if (!staticInto(el.value, et, *arr, size_t(el.index) * esize)) return false;
  d.pointers.push_back({off, "", arr}); // even empty: []T{} is not nil
  putLE(d, off + 8, uint64_t(len), 8);
  putLE(d, off + 16, uint64_t(len), 8);
  return true;
}

} // namespace origo::ssa
