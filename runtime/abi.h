//===- runtime/abi.h - Layouts shared by compiled Go code and the runtime -===//
///
/// \file
/// The one header that fixes how compiled Go code and the C++ runtime see
/// the same bytes. codegen emits exactly these layouts and symbol names; the
/// runtime reads them. A layout change here is an ABI change: codegen and the
/// layout-checking test must change with it.
///
/// Symbols that compiled code calls carry Go-style dotted names
/// ("runtime.printint"), which C++ cannot spell, so the runtime defines them
/// with asm labels (see ORIGO_GO_NAME). They use the plain C calling
/// convention of the target, with these rules for Go values:
///   - a string is two arguments (ptr, i64 len); a string result is returned
///     by value as GoString, `{ ptr, i64 }`, in two registers;
///   - a slice is three arguments (ptr, i64 len, i64 cap);
///   - an interface is two arguments (type or itab, data);
///   - a result wider than two words (a slice) is written through an
///     explicit FIRST argument `GoSlice *out`: no runtime function relies
///     on the C struct-return (sret) convention;
///   - two-word results of other shapes are named structs here
///     (MapAccess2Result, DecodeRuneResult), LLVM `{ ptr, i8 }`,
///     `{ i32, i64 }`, ...;
///   - bool is `zeroext i1`.
///
//===----------------------------------------------------------------------===//

#ifndef ORIGO_RUNTIME_ABI_H
#define ORIGO_RUNTIME_ABI_H

#include <stdint.h>

/// Gives a C++ declaration the Go-level symbol name \p name (e.g.
/// "runtime.printint"), which contains dots and so cannot be an identifier.
#define ORIGO_GO_NAME(name) __asm__(name)

namespace origo::abi {

/// A Go string value: pointer to the bytes (not NUL-terminated) and length.
/// Passed to runtime functions as two arguments (ptr, i64 len) and returned
/// by value as LLVM `{ ptr, i64 }` (two registers on both targets).
struct GoString {
  const uint8_t *ptr;
  int64_t len;
};
static_assert(sizeof(GoString) == 16, "GoString layout is part of the ABI");
static_assert(__builtin_offsetof(GoString, len) == 8);

/// A Go slice value (gc's runtime.slice). Passed to runtime functions as
/// three arguments (ptr, i64 len, i64 cap); a slice result is wider than two
/// words, so the runtime writes it through an explicit first argument
/// `GoSlice *out` instead of relying on the C struct-return convention.
struct GoSlice {
  void *ptr;
  int64_t len;
  int64_t cap;
};
static_assert(sizeof(GoSlice) == 24, "GoSlice layout is part of the ABI");
static_assert(__builtin_offsetof(GoSlice, len) == 8);
static_assert(__builtin_offsetof(GoSlice, cap) == 16);

/// FuncMeta::flags bit: the function has parameters, so tracebacks print
/// "name(...)" rather than "name()".
constexpr uint64_t FuncHasParams = 1u << 0;

/// One entry of a module's function table. Every compiled Go module places
/// an array of these in the ELF section named by FuncMetaSection; lld
/// brackets the concatenation of all modules' arrays with
/// __start_origo_funcs / __stop_origo_funcs, so the elements of all modules
/// must be laid out back to back: 8-byte aligned, 32 bytes, no padding.
/// A call frame that LLVM inlined into a function: the inlined function's
/// name and file, the line executing in it, and the index of the frame it
/// was inlined into (-1: the FuncMeta's own function).
struct InlineFrame {
  const char *name; ///< NUL-terminated Go name
  const char *file; ///< NUL-terminated absolute source file path
  uint32_t line;
  int32_t parent;
};
static_assert(sizeof(InlineFrame) == 24, "InlineFrame layout is part of the ABI");

struct FuncMeta {
  const void *entry; ///< first instruction of the function
  const char *name;  ///< NUL-terminated Go name, e.g. "main.main"
  const char *file;  ///< NUL-terminated absolute source file path
  uint64_t flags;    ///< FuncHasParams, other bits reserved (0)
  const InlineFrame *inl; ///< inlined frames referred to by stack map IDs
  uint64_t ninl;
};
static_assert(sizeof(FuncMeta) == 48, "FuncMeta layout is part of the ABI");

/// Section holding FuncMeta arrays. A C identifier, so that the linker
/// defines the __start_ / __stop_ bracketing symbols for it.
#define ORIGO_FUNCMETA_SECTION "origo_funcs"

/// Stack map IDs (first operand of llvm.experimental.stackmap, emitted after
/// every call): the low 32 bits are the Go source line of the call.
constexpr uint64_t StackMapLineMask = 0xffffffffu;
/// The high 32 bits of a stack map ID: 0 when the call is in the function
/// itself, else 1 + the index in FuncMeta::inl of the innermost inlined
/// frame containing the call (the low bits then give the line in the
/// outermost function, where the inlined call chain starts).
constexpr unsigned StackMapInlineShift = 32;

/// Package init functions to run before main.main, in order, ending with a
/// null pointer. Defined by the linker stage in a generated object.
extern "C" void (*const origo_inittab[])();


//===----------------------------------------------------------------------===//
// Type descriptors
//===----------------------------------------------------------------------===//
//
// Every Go type that the program needs at run time (converted to an
// interface, used as a map key or element, reflected on) has one read-only
// descriptor, emitted by codegen. The design is gc 1.19's runtime._type
// (runtime/type.go) with absolute pointers where gc uses 32-bit offsets
// (nameOff, typeOff, textOff): origo links statically, so there is no
// reason to pay for offset resolution.
//
// Identity: a linked program holds exactly one descriptor per distinct
// type (codegen emits each in a comdat keyed by the type's canonical
// symbol, so lld keeps one copy). Type identity is therefore pointer
// identity, which interface comparison and type switches rely on.
//
// Every descriptor starts with a Type; the kind-specific structs below
// extend it (Type is their first member, so a `const Type *` of kind
// KindMap may be cast to `const MapType *`).

/// reflect.Kind numbering, as gc's runtime/typekind.go.
enum Kind : uint8_t {
  KindInvalid = 0,
  KindBool = 1,
  KindInt = 2,
  KindInt8 = 3,
  KindInt16 = 4,
  KindInt32 = 5,
  KindInt64 = 6,
  KindUint = 7,
  KindUint8 = 8,
  KindUint16 = 9,
  KindUint32 = 10,
  KindUint64 = 11,
  KindUintptr = 12,
  KindFloat32 = 13,
  KindFloat64 = 14,
  KindComplex64 = 15,
  KindComplex128 = 16,
  KindArray = 17,
  KindChan = 18,
  KindFunc = 19,
  KindInterface = 20,
  KindMap = 21,
  KindPointer = 22,
  KindSlice = 23,
  KindString = 24,
  KindStruct = 25,
  KindUnsafePointer = 26,
};

/// Type::kind flag: a value of the type is stored directly in an interface's
/// data word (the type is pointer-shaped: pointers, maps, channels, funcs,
/// unsafe.Pointer, and single-field structs / one-element arrays of those).
constexpr uint8_t KindDirectIface = 1 << 5;
/// Type::kind flag: gcdata is a GC program rather than a pointer bitmap.
constexpr uint8_t KindGCProg = 1 << 6;
/// Type::kind & KindMask is the Kind.
constexpr uint8_t KindMask = (1 << 5) - 1;

/// Type::tflag bits, gc's tflag.
/// The type has an UncommonType: set exactly when Type::uncommon is non-null.
constexpr uint8_t TFlagUncommon = 1 << 0;
/// Reserved: gc strips a leading '*' from str. origo's str is always the
/// exact type string, so codegen never sets this bit.
constexpr uint8_t TFlagExtraStar = 1 << 1;
/// The type has a name (defined types and predeclared types like int).
constexpr uint8_t TFlagNamed = 1 << 2;
/// Equality and hashing may treat a value as Type::size plain bytes: no
/// floats, strings, interfaces or padding anywhere inside it.
constexpr uint8_t TFlagRegularMemory = 1 << 3;

struct Type;
struct UncommonType;

/// Equality of two values of one type, given pointers to them (gc's
/// _type.equal). LLVM: `zeroext i1 (ptr, ptr)`.
using EqualFn = bool (*)(const void *, const void *);
/// Hash of the value at the pointer with a seed (gc's maptype.hasher).
/// LLVM: `i64 (ptr, i64)`.
using HashFn = uintptr_t (*)(const void *, uintptr_t);

/// The common header of every type descriptor (gc's runtime._type).
struct Type {
  uintptr_t size;    ///< bytes of a value, unsafe.Sizeof
  uintptr_t ptrdata; ///< length of the prefix of a value holding pointers
  uint32_t hash;     ///< hash of the type, for type switches and itab caches
  uint8_t tflag;     ///< TFlag* bits
  uint8_t align;     ///< alignment of a variable of the type
  uint8_t fieldAlign; ///< alignment of a struct field of the type
  uint8_t kind;      ///< Kind, | KindDirectIface, | KindGCProg
  /// Equality of two values (pointers to them); null when the type is not
  /// comparable (slices, maps, funcs and aggregates containing them).
  /// Comparable types point at a runtime function (runtime.memequal64,
  /// runtime.strequal, runtime.nilinterequal, ...) or at one codegen emits.
  EqualFn equal;
  /// Pointer bitmap for the GC, one bit per word of the ptrdata prefix
  /// (or a GC program when KindGCProg). Null when ptrdata is 0.
  const uint8_t *gcdata;
  /// The type as gc's %v prints it: "int", "[]int", "main.T", "*main.T",
  /// "map[string]int", "interface {}", "struct { a int }".
  GoString str;
  /// Descriptor of *T when the program has one, else null.
  const Type *ptrToThis;
  /// Named types with methods (and all defined types): package path and
  /// method table. Null otherwise. gc stores this block right after the
  /// kind-specific struct; origo points at it instead, so every kind-specific
  /// struct has one fixed layout.
  const UncommonType *uncommon;
};
static_assert(sizeof(Type) == 72, "Type layout is part of the ABI");
static_assert(__builtin_offsetof(Type, size) == 0);
static_assert(__builtin_offsetof(Type, ptrdata) == 8);
static_assert(__builtin_offsetof(Type, hash) == 16);
static_assert(__builtin_offsetof(Type, tflag) == 20);
static_assert(__builtin_offsetof(Type, align) == 21);
static_assert(__builtin_offsetof(Type, fieldAlign) == 22);
static_assert(__builtin_offsetof(Type, kind) == 23);
static_assert(__builtin_offsetof(Type, equal) == 24);
static_assert(__builtin_offsetof(Type, gcdata) == 32);
static_assert(__builtin_offsetof(Type, str) == 40);
static_assert(__builtin_offsetof(Type, ptrToThis) == 56);
static_assert(__builtin_offsetof(Type, uncommon) == 64);

struct FuncType;

/// One method of a named type's method set (gc's method).
struct Method {
  GoString name;    ///< method name, e.g. "String"
  /// Package path qualifying an unexported name ("" for exported names),
  /// so that unexported methods of different packages never match.
  GoString pkgpath;
  const FuncType *mtyp; ///< method signature without the receiver
  /// Code called through an interface (itab fun[] entries): takes the
  /// interface's data word as receiver.
  const void *ifn;
  /// Code called for method expressions T.M: takes the receiver by value.
  const void *tfn;
};
static_assert(sizeof(Method) == 56, "Method layout is part of the ABI");
static_assert(__builtin_offsetof(Method, mtyp) == 32);
static_assert(__builtin_offsetof(Method, ifn) == 40);
static_assert(__builtin_offsetof(Method, tfn) == 48);

/// Extra data of a defined type (gc's uncommontype).
struct UncommonType {
  GoString pkgpath;       ///< import path of the defining package
  /// The method set of the type, sorted by name and then pkgpath (bytewise),
  /// so exported methods (upper-case) come first.
  const Method *methods;
  uint16_t mcount;        ///< entries in methods
  uint16_t xcount;        ///< exported entries (a prefix of methods)
  uint32_t pad;
};
static_assert(sizeof(UncommonType) == 32, "UncommonType layout is part of the ABI");
static_assert(__builtin_offsetof(UncommonType, methods) == 16);
static_assert(__builtin_offsetof(UncommonType, mcount) == 24);
static_assert(__builtin_offsetof(UncommonType, xcount) == 26);

/// *T (gc's ptrtype).
struct PtrType {
  Type typ;
  const Type *elem;
};
static_assert(sizeof(PtrType) == 80 && __builtin_offsetof(PtrType, elem) == 72);

/// []T (gc's slicetype).
struct SliceType {
  Type typ;
  const Type *elem;
};
static_assert(sizeof(SliceType) == 80 && __builtin_offsetof(SliceType, elem) == 72);

/// [N]T (gc's arraytype).
struct ArrayType {
  Type typ;
  const Type *elem;
  const Type *slice; ///< []T, or null when the program has none
  uintptr_t len;
};
static_assert(sizeof(ArrayType) == 96, "ArrayType layout is part of the ABI");
static_assert(__builtin_offsetof(ArrayType, elem) == 72);
static_assert(__builtin_offsetof(ArrayType, slice) == 80);
static_assert(__builtin_offsetof(ArrayType, len) == 88);

/// ChanType::dir values, reflect.ChanDir.
constexpr uintptr_t ChanRecv = 1;
constexpr uintptr_t ChanSend = 2;
constexpr uintptr_t ChanBoth = ChanRecv | ChanSend;

/// chan T, <-chan T, chan<- T (gc's chantype).
struct ChanType {
  Type typ;
  const Type *elem;
  uintptr_t dir; ///< ChanRecv, ChanSend or ChanBoth
};
static_assert(sizeof(ChanType) == 88, "ChanType layout is part of the ABI");
static_assert(__builtin_offsetof(ChanType, elem) == 72);
static_assert(__builtin_offsetof(ChanType, dir) == 80);

/// MapType::flags bits, as gc's maptype.flags.
/// Keys are stored in buckets as pointers to heap copies (key size > 128).
constexpr uint32_t MapIndirectKey = 1;
/// Elements are stored in buckets as pointers to heap copies (size > 128).
constexpr uint32_t MapIndirectElem = 2;
/// k == k for every key (no floats or interfaces inside the key type).
constexpr uint32_t MapReflexiveKey = 4;
/// An assignment to an existing key must overwrite the stored key too,
/// because equal keys can differ in bits (+0.0 and -0.0, strings).
constexpr uint32_t MapNeedKeyUpdate = 8;
/// The hasher can panic (the key type holds interfaces).
constexpr uint32_t MapHashMightPanic = 16;

/// Slots per map bucket (gc's bucketCnt).
constexpr int MapBucketCount = 8;
/// Keys and elements bigger than this are stored indirectly.
constexpr uintptr_t MapMaxKeySize = 128;
constexpr uintptr_t MapMaxElemSize = 128;

/// map[K]V (gc's maptype). The bucket layout codegen describes with
/// `bucket`, and that the runtime assumes, is
///   uint8 tophash[8]; K keys[8]; V elems[8]; <pad>; bmap *overflow;
/// where K and V are replaced by pointers for indirect keys/elements, the
/// overflow pointer is the last word and bucketsize is the whole struct's
/// size (8 + 8*keysize + 8*elemsize + 8 on 64-bit targets).
struct MapType {
  Type typ;
  const Type *key;
  const Type *elem;
  const Type *bucket; ///< the bucket struct above (its ptrdata matters)
  HashFn hasher;      ///< hash of a key (never null: keys are comparable)
  uint8_t keysize;    ///< size of a key slot (8 when indirect)
  uint8_t elemsize;   ///< size of an element slot (8 when indirect)
  uint16_t bucketsize; ///< size of a bucket
  uint32_t flags;     ///< Map* flag bits
};
static_assert(sizeof(MapType) == 112, "MapType layout is part of the ABI");
static_assert(__builtin_offsetof(MapType, key) == 72);
static_assert(__builtin_offsetof(MapType, elem) == 80);
static_assert(__builtin_offsetof(MapType, bucket) == 88);
static_assert(__builtin_offsetof(MapType, hasher) == 96);
static_assert(__builtin_offsetof(MapType, keysize) == 104);
static_assert(__builtin_offsetof(MapType, elemsize) == 105);
static_assert(__builtin_offsetof(MapType, bucketsize) == 106);
static_assert(__builtin_offsetof(MapType, flags) == 108);

/// func(...) ... (gc's functype).
struct FuncType {
  Type typ;
  uint16_t inCount;  ///< parameters, the variadic one included
  uint16_t outCount; ///< results
  uint8_t variadic;  ///< 1 when the last parameter is ...T (its type is []T)
  uint8_t pad[3];
  /// inCount parameter types followed by outCount result types; null when
  /// both counts are 0.
  const Type *const *params;
};
static_assert(sizeof(FuncType) == 88, "FuncType layout is part of the ABI");
static_assert(__builtin_offsetof(FuncType, inCount) == 72);
static_assert(__builtin_offsetof(FuncType, outCount) == 74);
static_assert(__builtin_offsetof(FuncType, variadic) == 76);
static_assert(__builtin_offsetof(FuncType, params) == 80);

/// One method of an interface type (gc's imethod).
struct IMethod {
  GoString name;    ///< method name
  GoString pkgpath; ///< package path for an unexported name, else ""
  const FuncType *typ; ///< signature without receiver
};
static_assert(sizeof(IMethod) == 40, "IMethod layout is part of the ABI");
static_assert(__builtin_offsetof(IMethod, typ) == 32);

/// interface{...} (gc's interfacetype). The empty interface has mcount 0;
/// its values are Efaces, all others' are Ifaces.
struct InterfaceType {
  Type typ;
  GoString pkgpath;        ///< package declaring the interface ("" if none)
  const IMethod *methods;  ///< sorted as UncommonType::methods
  uintptr_t mcount;
};
static_assert(sizeof(InterfaceType) == 104, "InterfaceType layout is part of the ABI");
static_assert(__builtin_offsetof(InterfaceType, pkgpath) == 72);
static_assert(__builtin_offsetof(InterfaceType, methods) == 88);
static_assert(__builtin_offsetof(InterfaceType, mcount) == 96);

/// One field of a struct type (gc's structfield).
struct StructField {
  GoString name; ///< field name; for an embedded field, its type's name; "_" for blank
  GoString tag;  ///< the field's tag string, "" if none
  const Type *typ;
  uintptr_t offset; ///< byte offset in the struct
  uint8_t embedded; ///< 1 for an embedded field
  uint8_t pad[7];
};
static_assert(sizeof(StructField) == 56, "StructField layout is part of the ABI");
static_assert(__builtin_offsetof(StructField, tag) == 16);
static_assert(__builtin_offsetof(StructField, typ) == 32);
static_assert(__builtin_offsetof(StructField, offset) == 40);
static_assert(__builtin_offsetof(StructField, embedded) == 48);

/// struct{...} (gc's structtype). Unexported field names belong to pkgpath.
struct StructType {
  Type typ;
  GoString pkgpath;
  const StructField *fields; ///< in declaration order
  uintptr_t nfields;
};
static_assert(sizeof(StructType) == 104, "StructType layout is part of the ABI");
static_assert(__builtin_offsetof(StructType, pkgpath) == 72);
static_assert(__builtin_offsetof(StructType, fields) == 88);
static_assert(__builtin_offsetof(StructType, nfields) == 96);

//===----------------------------------------------------------------------===//
// Interface values
//===----------------------------------------------------------------------===//
//
// The data word holds the value itself when the dynamic type has
// KindDirectIface (pointer-shaped types); otherwise it points to a copy of
// the value (on the heap, or read-only data for constants), as in gc.

/// A value of the empty interface type (gc's eface).
struct Eface {
  const Type *type; ///< dynamic type; null for the nil interface
  void *data;
};
static_assert(sizeof(Eface) == 16 && __builtin_offsetof(Eface, data) == 8);

/// The method table of one (interface type, concrete type) pair (gc's itab).
/// Codegen emits the itabs it can see statically (comdat, one per pair);
/// the runtime builds the others on first use, returning the static one when
/// it exists. So a program has one Itab per pair, and two non-empty
/// interface values have the same dynamic type exactly when their tab
/// pointers are equal.
struct Itab {
  const InterfaceType *inter;
  const Type *type;  ///< the concrete type
  uint32_t hash;     ///< copy of type->hash, for type switches
  uint32_t pad;
  /// inter->mcount code pointers (Method::ifn of type's methods, in the
  /// order of inter->methods); the struct is allocated with room for all of
  /// them. fun[0] == 0 marks a negative entry: type does not implement
  /// inter.
  void *fun[1];
};
static_assert(sizeof(Itab) == 32, "Itab layout is part of the ABI");
static_assert(__builtin_offsetof(Itab, type) == 8);
static_assert(__builtin_offsetof(Itab, hash) == 16);
static_assert(__builtin_offsetof(Itab, fun) == 24);

/// A value of a non-empty interface type (gc's iface).
struct Iface {
  const Itab *tab; ///< null for the nil interface
  void *data;
};
static_assert(sizeof(Iface) == 16 && __builtin_offsetof(Iface, data) == 8);

//===----------------------------------------------------------------------===//
// Maps
//===----------------------------------------------------------------------===//

/// The header of a map (gc's hmap); a map value is a pointer to one (null
/// for the nil map). Compiled code reads `count` for len(m) directly;
/// everything else is the runtime's (runtime/map.cpp).
struct Hmap {
  int64_t count;      ///< live entries; must stay first
  uint8_t flags;      ///< runtime-private state bits
  uint8_t B;          ///< log2 of the number of buckets
  uint16_t noverflow; ///< approximate number of overflow buckets
  uint32_t hash0;     ///< per-map hash seed
  void *buckets;      ///< 2^B buckets; null until the first insert when B == 0
  void *oldbuckets;   ///< the previous bucket array while growing, else null
  uintptr_t nevacuate; ///< old buckets below this are evacuated
  void *extra;        ///< runtime-private (overflow bookkeeping)
};
static_assert(sizeof(Hmap) == 48, "Hmap layout is part of the ABI");
static_assert(__builtin_offsetof(Hmap, count) == 0);
static_assert(__builtin_offsetof(Hmap, flags) == 8);
static_assert(__builtin_offsetof(Hmap, B) == 9);
static_assert(__builtin_offsetof(Hmap, noverflow) == 10);
static_assert(__builtin_offsetof(Hmap, hash0) == 12);
static_assert(__builtin_offsetof(Hmap, buckets) == 16);
static_assert(__builtin_offsetof(Hmap, oldbuckets) == 24);
static_assert(__builtin_offsetof(Hmap, nevacuate) == 32);
static_assert(__builtin_offsetof(Hmap, extra) == 40);

/// The state of a `for k, v := range m` loop (gc's hiter). Compiled code
/// allocates it zeroed (on its stack), calls runtime.mapiterinit, then per
/// iteration reads key/elem (key == null: the loop is over) and calls
/// runtime.mapiternext. Fields after elem are the runtime's.
struct Hiter {
  void *key;  ///< current key, null when the iteration is over; first
  void *elem; ///< current element; second
  const MapType *t;
  Hmap *h;
  void *buckets;     ///< h->buckets when the iteration started
  void *bptr;        ///< current bucket
  void *overflow;    ///< keeps overflow buckets alive (for the GC)
  void *oldoverflow; ///< the same for the old bucket array
  uintptr_t startBucket; ///< the (random) bucket the iteration started at
  uint8_t offset;    ///< (random) slot offset used in every bucket
  uint8_t wrapped;   ///< already wrapped from the last bucket to bucket 0
  uint8_t B;         ///< h->B when the iteration started
  uint8_t i;         ///< next slot in bptr
  uint32_t pad;
  uintptr_t bucket;  ///< next bucket to visit
  uintptr_t checkBucket; ///< see map.cpp: iterating an old bucket mid-growth
};
static_assert(sizeof(Hiter) == 96, "Hiter layout is part of the ABI");
static_assert(__builtin_offsetof(Hiter, key) == 0);
static_assert(__builtin_offsetof(Hiter, elem) == 8);
static_assert(__builtin_offsetof(Hiter, startBucket) == 64);
static_assert(__builtin_offsetof(Hiter, offset) == 72);
static_assert(__builtin_offsetof(Hiter, bucket) == 80);
static_assert(__builtin_offsetof(Hiter, checkBucket) == 88);

/// Size of runtime.zeroVal, the zero bytes mapaccess1/2 return a pointer to
/// for a missing key. Maps whose element is bigger use the _fat variants
/// with a zero area of their own.
constexpr uintptr_t MapMaxZero = 1024;

/// mapaccess2's result: LLVM `{ ptr, i8 }` on both targets (two registers;
/// ok is 0 or 1 in the low byte).
struct MapAccess2Result {
  void *elem;
  bool ok;
};

//===----------------------------------------------------------------------===//
// Strings
//===----------------------------------------------------------------------===//

/// runtime.decoderune's result, LLVM `{ i32, i64 }` on both targets (two
/// registers): the rune at index k and the index of the next one.
struct DecodeRuneResult {
  int32_t rune;
  int64_t next;
};
static_assert(sizeof(DecodeRuneResult) == 16);
static_assert(__builtin_offsetof(DecodeRuneResult, next) == 8);

} // namespace origo::abi

#endif // ORIGO_RUNTIME_ABI_H
