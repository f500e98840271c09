//===- frontend/branches.h - checks of labels and branches ------*- C++ -*-===//
/// \file
/// gc checks labels and branch statements while parsing; so does origo.
/// Private to frontend/ (parseFile runs it).
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/ast.h"

namespace origo::syntax {

/// Checks labels, goto, break, continue and fallthrough in every function
/// body of t that contains none of the syntax errors diags holds from
/// index firstError on (those of this file).
void checkBranches(const Tree &t, const SourceManager &sm, Diagnostics &diags, size_t firstError);

} // namespace origo::syntax
