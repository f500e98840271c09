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
/// convention of the target.
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
struct GoString {
  const uint8_t *ptr;
  int64_t len;
};

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

} // namespace origo::abi

#endif // ORIGO_RUNTIME_ABI_H
