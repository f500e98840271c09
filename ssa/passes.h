//===- ssa/passes.h - the SSA passes (private to ssa/) ----------*- C++ -*-===//
/// \file
/// One function per pass, each in the file of its name.
//===----------------------------------------------------------------------===//
#pragma once

#include "ssa/ssa.h"

namespace origo::ssa {

void phielim(Func &f);   ///< phis whose arguments are all one value (or itself) become copies
void copyelim(Func &f);  ///< uses of copies refer to the copied value instead
void opt(Func &f);       ///< constant folding with Go's wrap-around arithmetic
void deadcode(Func &f);  ///< unreachable blocks and unused pure values

} // namespace origo::ssa
