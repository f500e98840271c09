//===- runtime/test/native/panics_test.cpp - Runtime-error panics ---------===//
///
/// \file
/// Checks the panics compiled code raises for failed checks (runtime/
/// error.cpp: bounds, slice-to-array conversions, type assertions; panic.cpp:
/// panicmem and gopanic's printing of panic values) against gc 1.19: each
/// mode calls one entry point as the code gc compiled for the Go program
/// panics_test.MODE.go does, and run.sh compares the report with gc's. With
/// no argument it checks what the modes cannot: the bounds message
/// formatter at the extremes, panic values that print addresses, and the
/// print entry points for slices and interfaces.
///
//===----------------------------------------------------------------------===//

#include "native_test.h"
#include "runtime/error.h"
#include "runtime/panic.h"
#include "runtime/print.h"

#include <initializer_list>
#include <stdint.h>

using namespace native_test;
using origo::rt::BoundsCode;

namespace {

/// A type "main.NAME" (or another package's) with an uncommon block.
Type *named(const char *str, uintptr_t size, uint8_t kind, const Method *methods = nullptr,
            uint16_t n = 0, const char *pkg = "main") {
  Type *t = newType(str, size, kind, nullptr, TFlagNamed | TFlagUncommon);
  auto *u = alloc<UncommonType>();
  u->pkgpath = gostr(pkg);
  u->methods = methods;
  u->mcount = u->xcount = n;
  t->uncommon = u;
  return t;
}

/// func() string, and func() int for a method that is not Error/String's
/// shape.
const FuncType *funcOf(const Type *result) {
  auto *f = newKindType<FuncType>("func() string", 8, KindFunc | KindDirectIface, nullptr);
  f->outCount = 1;
  auto **params = alloc<const Type *>();
  params[0] = result;
  f->params = params;
  return f;
}

Method *methods(std::initializer_list<Method> ms) {
  Method *m = alloc<Method>(ms.size());
  size_t i = 0;
  for (const Method &x : ms)
    m[i++] = x;
  return m;
}

// Method bodies called through Method::ifn with the data word.
GoString errorE(void *data) {
  static char buf[64];
  auto *msg = static_cast<GoString *>(data);
  snprintf(buf, sizeof buf, "E:%.*s", int(msg->len), reinterpret_cast<const char *>(msg->ptr));
  return gostr(buf);
}
GoString stringSt(void *) { return gostr("St!"); }
GoString errorB(void *) { return gostr("error"); }
GoString stringB(void *) { return gostr("string"); }
GoString errorPtrE(void *) { return gostr("ptr error"); }
int64_t errorInt(void *) { return 7; }

struct Fixture {
  Types ty;
  const Type *int_, *int8, *uint64, *uintptr, *float32, *complex64, *complex128, *bool_;
  const Type *T, *U, *T2, *I, *eface;
  Itab *itabIT;
};
Fixture f;

#define BASIC(var, name, size, kind) f.var = newType(name, size, kind, nullptr, TFlagNamed)

void setUp() {
  f.ty = makeTypes();
  BASIC(int_, "int", 8, KindInt);
  BASIC(int8, "int8", 1, KindInt8);
  BASIC(uint64, "uint64", 8, KindUint64);
  BASIC(uintptr, "uintptr", 8, KindUintptr);
  BASIC(float32, "float32", 4, KindFloat32);
  BASIC(complex64, "complex64", 8, KindComplex64);
  BASIC(complex128, "complex128", 16, KindComplex128);
  BASIC(bool_, "bool", 1, KindBool);
  f.T = named("main.T", 8, KindStruct);
  f.U = named("main.U", 0, KindStruct);
  f.T2 = named("main.T", 8, KindInt); // another scope's T
  auto *I = newKindType<InterfaceType>("main.I", 16, KindInterface, goInterequal,
                                       TFlagNamed, 16);
  I->pkgpath = gostr("main");
  f.I = &I->typ;
  f.eface = &f.ty.eface->typ;
  f.itabIT = alloc<Itab>();
  f.itabIT->inter = I;
  f.itabIT->type = f.T;
}

template <typename V> void panicWith(const Type *t, V v) {
  static V copy;
  copy = v;
  goGopanic(t, &copy);
}

using Mode = TestMode<>;

const Mode modes[] = {
    {"index", [] { goPanicIndex(7, 3); }},
    {"index_neg", [] { goPanicIndex(-1, 3); }},
    {"index_min", [] { goPanicIndex(INT64_MIN, 3); }},
    {"indexu", [] { goPanicIndexU(int64_t((uint64_t(1) << 63) + 5), 3); }},
    {"index_str", [] { goPanicIndex(3, 3); }},
    {"slice_alen", [] { goPanicSliceAlen(4, 3); }},
    {"slice_alenu", [] { goPanicSliceAlenU(-1, 3); }},
    {"slice_acap", [] { goPanicSliceAcap(6, 5); }},
    {"slice_acap_neg", [] { goPanicSliceAcap(-2, 5); }},
    {"slice_b", [] { goPanicSliceB(3, 2); }},
    {"slice_b_neg", [] { goPanicSliceB(-3, 3); }},
    {"slice_bu", [] { goPanicSliceBU(INT64_MIN, 3); }},
    {"slice3_alen", [] { goPanicSlice3Alen(5, 4); }},
    {"slice3_acap", [] { goPanicSlice3Acap(6, 5); }},
    {"slice3_acap_neg", [] { goPanicSlice3Acap(-6, 5); }},
    {"slice3_b", [] { goPanicSlice3B(4, 3); }},
    {"slice3_b_neg", [] { goPanicSlice3B(-4, 3); }},
    {"slice3_c", [] { goPanicSlice3C(3, 2); }},
    {"slice3_c_neg", [] { goPanicSlice3C(-1, 2); }},
    {"slice3_cu", [] { goPanicSlice3CU(-1, 2); }},
    {"convert", [] { goPanicSliceConvert(4, 3); }},
    {"nilmem", [] { goPanicMem(); }},
    {"dotE", [] { goPanicdottypeE(f.ty.string, f.int_, f.eface); }},
    {"dotE_nil", [] { goPanicdottypeE(nullptr, f.T, f.eface); }},
    {"dotI", [] { goPanicdottypeI(f.itabIT, f.U, f.I); }},
    {"dotI_nil", [] { goPanicdottypeI(nullptr, f.T, f.I); }},
    {"nildottype", [] { goPanicnildottype(f.I); }},
    {"scopes", [] { goPanicdottypeE(f.T2, f.T, f.eface); }},
    {"panic_nil", [] { goGopanic(nullptr, nullptr); }},
    {"panic_int", [] { panicWith(f.int_, int64_t(42)); }},
    {"panic_int8", [] { panicWith(f.int8, int8_t(-5)); }},
    {"panic_uint64", [] { panicWith(f.uint64, UINT64_MAX); }},
    {"panic_uintptr", [] { panicWith(f.uintptr, uintptr_t(77)); }},
    {"panic_string", [] { panicWith(f.ty.string, gostr("hello\nworld")); }},
    {"panic_float64", [] { panicWith(f.ty.float64, 1.5); }},
    {"panic_float32", [] { panicWith(f.float32, 0.1f); }},
    {"panic_complex128", [] {
       struct C { double re, im; };
       panicWith(f.complex128, C{1, -2});
     }},
    {"panic_complex64", [] {
       struct C { float re, im; };
       panicWith(f.complex64, C{3, 4});
     }},
    {"panic_bool", [] { panicWith(f.bool_, true); }},
    {"panic_named_string", [] { panicWith(named("main.S", 16, KindString), gostr("x")); }},
    {"panic_named_int", [] { panicWith(named("main.I", 8, KindInt), int64_t(-3)); }},
    {"panic_named_float", [] { panicWith(named("main.F", 8, KindFloat64), 2.0); }},
    {"panic_named_complex", [] {
       struct C { double re, im; };
       panicWith(named("main.C", 16, KindComplex128), C{1, 1});
     }},
    {"panic_named_bool", [] { panicWith(named("main.B", 1, KindBool), false); }},
    {"panic_named_uint8", [] { panicWith(named("main.U8", 1, KindUint8), uint8_t(200)); }},
    {"panic_error", [] {
       Method *m = methods({{gostr("Error"), {}, funcOf(f.ty.string),
                             reinterpret_cast<void *>(errorE), nullptr}});
       panicWith(named("main.E", 16, KindStruct, m, 1), gostr("boom"));
     }},
    {"panic_stringer", [] {
       Method *m = methods({{gostr("String"), {}, funcOf(f.ty.string),
                             reinterpret_cast<void *>(stringSt), nullptr}});
       panicWith(named("main.St", 8, KindInt, m, 1), int64_t(1));
     }},
    {"panic_both", [] {
       Method *m = methods({{gostr("Error"), {}, funcOf(f.ty.string),
                             reinterpret_cast<void *>(errorB), nullptr},
                            {gostr("String"), {}, funcOf(f.ty.string),
                             reinterpret_cast<void *>(stringB), nullptr}});
       panicWith(named("main.B", 0, KindStruct, m, 2), 0);
     }},
    {"panic_ptr_error", [] {
       Method *m = methods({{gostr("Error"), {}, funcOf(f.ty.string),
                             reinterpret_cast<void *>(errorPtrE), nullptr}});
       Type *p = named("*main.E", 8, KindPointer | KindDirectIface, m, 1);
       static int target;
       goGopanic(p, &target);
     }},
};

/// The bounds formatter at the extremes of x and y.
void checkBoundsFormat() {
  char buf[100];
  auto fmt = [&](int64_t x, bool s, int64_t y, BoundsCode c) {
    int64_t n = origo::rt::formatBoundsError(buf, x, s, y, c);
    buf[n] = 0;
    return static_cast<const char *>(buf);
  };
  EXPECT(!strcmp(fmt(0, true, 0, BoundsCode::Index), "index out of range [0] with length 0"));
  EXPECT(!strcmp(fmt(INT64_MAX, true, INT64_MAX, BoundsCode::Slice3Acap),
                 "slice bounds out of range [::9223372036854775807] with capacity "
                 "9223372036854775807"));
  EXPECT(!strcmp(fmt(-1, false, INT64_MAX, BoundsCode::Slice3Acap),
                 "slice bounds out of range [::18446744073709551615] with capacity "
                 "9223372036854775807"));
  EXPECT(!strcmp(fmt(INT64_MIN, true, 5, BoundsCode::Slice3Alen),
                 "slice bounds out of range [::-9223372036854775808]"));
  EXPECT(!strcmp(fmt(INT64_MIN, false, 5, BoundsCode::SliceB),
                 "slice bounds out of range [9223372036854775808:5]"));
  EXPECT(!strcmp(fmt(-7, true, 5, BoundsCode::Slice3B), "slice bounds out of range [:-7:]"));
  EXPECT(!strcmp(fmt(10, true, 0, BoundsCode::Convert),
                 "cannot convert slice with length 0 to pointer to array with length 10"));
}

/// Panic values gc prints as (TYPE) and the data word.
void checkPanicValues() {
  static int64_t word = 5;
  char want[128];
  EXPECT_PRINTS("nil", origo::rt::printPanicValue({nullptr, nullptr}));
  snprintf(want, sizeof want, "(main.T) %p", static_cast<void *>(&word));
  EXPECT_PRINTS(want, origo::rt::printPanicValue({f.T, &word}));
  Type *pT = &newKindType<PtrType>("*main.T", 8, KindPointer | KindDirectIface, nullptr)->typ;
  EXPECT_PRINTS("(*main.T) 0x0", origo::rt::printPanicValue({pT, nullptr}));
  snprintf(want, sizeof want, "([]int) %p", static_cast<void *>(&word));
  EXPECT_PRINTS(want, origo::rt::printPanicValue({f.ty.sliceInt, &word}));
  EXPECT_PRINTS("(map[string]int) 0x1000",
                origo::rt::printPanicValue({f.ty.mapStringInt, reinterpret_cast<void *>(0x1000)}));
  // Defined complex types print their value's own parentheses.
  static float c64[2] = {1.5f, -2};
  EXPECT_PRINTS("main.C64(+1.500000e+000-2.000000e+000i)",
                origo::rt::printPanicValue({named("main.C64", 8, KindComplex64), c64}));
  EXPECT_PRINTS("(+1.500000e+000-2.000000e+000i)",
                origo::rt::printPanicValue({f.complex64, c64}));
  // A defined type whose name is string is not the predeclared string.
  static GoString s = gostr("q");
  EXPECT_PRINTS("main.string(\"q\")",
                origo::rt::printPanicValue({named("main.string", 16, KindString), &s}));
  // An Error method of another shape is not error's.
  Method *m = methods({{gostr("Error"), {}, funcOf(f.int_),
                        reinterpret_cast<void *>(errorInt), nullptr}});
  EXPECT_PRINTS("main.N(5)", origo::rt::printPanicValue({named("main.N", 8, KindInt, m, 1), &word}));
  // An unexported method named like String is not String.
  Method *u = methods({{gostr("String"), gostr("main"), funcOf(f.ty.string),
                        reinterpret_cast<void *>(stringSt), nullptr}});
  EXPECT_PRINTS("main.N(5)", origo::rt::printPanicValue({named("main.N", 8, KindInt, u, 1), &word}));
}

/// print/println of slices and interfaces (gc's printslice, printeface,
/// printiface).
void checkPrint() {
  EXPECT_PRINTS("[3/5]0x1234", goPrintSlice(reinterpret_cast<void *>(0x1234), 3, 5));
  EXPECT_PRINTS("[0/0]0x0", goPrintSlice(nullptr, 0, 0));
  EXPECT_PRINTS("(0xabc,0x10)", goPrintEface(reinterpret_cast<void *>(0xabc),
                                             reinterpret_cast<void *>(0x10)));
  EXPECT_PRINTS("(0x0,0x0)", goPrintEface(nullptr, nullptr));
  EXPECT_PRINTS("(0xfffffffffff0,0x0)", goPrintIface(reinterpret_cast<void *>(0xfffffffffff0), nullptr));
}

} // namespace

static void testBody() {
  setvbuf(stdout, nullptr, _IONBF, 0);
  setUp();
  runModeArg(modes);
  checkBoundsFormat();
  checkPanicValues();
  checkPrint();
  origo::rt::exitProcess(finish("panics_test"));
}
