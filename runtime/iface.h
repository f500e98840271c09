//===- runtime/iface.h - Itabs and interface conversions --------*- C++ -*-===//
///
/// \file
/// The runtime's side of interface values (gc's runtime/iface.go): the
/// method tables (itabs) of (interface, concrete type) pairs, found in the
/// static itabs codegen emitted or built on first use and cached, and the
/// conversions and assertions that need them. Compiled code asserts to
/// concrete types inline (comparing type words or itab pointers); only
/// assertions to interface types and conversions between interface types
/// come here.
///
//===----------------------------------------------------------------------===//

#ifndef ORIGO_RUNTIME_IFACE_H
#define ORIGO_RUNTIME_IFACE_H

#include "runtime/abi.h"

/// Section holding the pointers to the itabs codegen emitted (one
/// `const Itab *` per itab, 8-byte aligned); lld brackets it with
/// __start_origo_itabs / __stop_origo_itabs. The runtime seeds its itab
/// cache with them, so that a pair's itab is the same pointer whether the
/// compiler or the runtime made it.
#define ORIGO_ITAB_SECTION "origo_itabs"

namespace origo::rt {

/// The itab of (\p inter, \p typ), built and cached on first use (gc's
/// getitab). When \p typ lacks a method of \p inter: null if \p canfail,
/// else panics with gc's "interface conversion: T is not I: missing
/// method M".
const abi::Itab *getitab(const abi::InterfaceType *inter, const abi::Type *typ,
                         bool canfail);

} // namespace origo::rt

// Entry points for compiled code (gc's names; C calling convention).
extern "C" {

/// e.(I) for an empty interface e of dynamic type \p t: the itab, or the
/// panic "interface conversion: interface is nil, not I" when t is null,
/// or the missing-method panic.
const origo::abi::Itab *goAssertE2I(const origo::abi::InterfaceType *inter,
                                    const origo::abi::Type *t)
    ORIGO_GO_NAME("runtime.assertE2I");
/// v, ok := e.(I): the itab, or null (nil e, or t does not implement I).
const origo::abi::Itab *goAssertE2I2(const origo::abi::InterfaceType *inter,
                                     const origo::abi::Type *t)
    ORIGO_GO_NAME("runtime.assertE2I2");
/// i.(I) for a non-empty interface i with itab \p tab (null: nil i).
const origo::abi::Itab *goAssertI2I(const origo::abi::InterfaceType *inter,
                                    const origo::abi::Itab *tab)
    ORIGO_GO_NAME("runtime.assertI2I");
/// v, ok := i.(I): the itab or null.
const origo::abi::Itab *goAssertI2I2(const origo::abi::InterfaceType *inter,
                                     const origo::abi::Itab *tab)
    ORIGO_GO_NAME("runtime.assertI2I2");
/// An implicit conversion from one non-empty interface type to another
/// whose methods it has: the new itab (null for a nil interface).
const origo::abi::Itab *goConvI2I(const origo::abi::InterfaceType *inter,
                                  const origo::abi::Itab *tab)
    ORIGO_GO_NAME("runtime.convI2I");
/// A value method called through a nil pointer by the pointer-receiver
/// wrapper (gc's panicwrap): panics with "value method PKG.T.M called
/// using nil *T pointer". \p pkg, \p type and \p method name the method.
[[noreturn]] void goPanicwrap(const uint8_t *pkg, int64_t pkglen,
                              const uint8_t *type, int64_t typelen,
                              const uint8_t *method, int64_t methodlen)
    ORIGO_GO_NAME("runtime.panicwrap");

} // extern "C"

#endif // ORIGO_RUNTIME_IFACE_H
