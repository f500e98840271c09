//===- runtime/functab.h - Go function lookup by address --------*- C++ -*-===//
///
/// \file
/// The index over every module's FuncMeta array (ELF section origo_funcs):
/// maps a code address to the Go function containing it. Tracebacks use it
/// now; the GC and runtime.Caller/FuncForPC will later.
///
//===----------------------------------------------------------------------===//

#ifndef ORIGO_RUNTIME_FUNCTAB_H
#define ORIGO_RUNTIME_FUNCTAB_H

#include "runtime/abi.h"

#include <stdint.h>

namespace origo::rt {

/// Returns the Go function with the greatest entry address <= \p pc, or null
/// if there is none. The result may be a wrong guess when \p pc lies in
/// non-Go code after a Go function; callers confirm it (see traceback.cpp).
/// For a return address, pass pc - 1: a call to a function that does not
/// return may be the last instruction of its caller.
const abi::FuncMeta *findFunc(uintptr_t pc);

} // namespace origo::rt

#endif // ORIGO_RUNTIME_FUNCTAB_H
