//===- frontend/printer.h - Go source printer -------------------*- C++ -*-===//
/// \file
/// Prints a syntax tree back as Go source. The output is not gofmt's layout
/// (comments are dropped, one construct per line), but parsing it gives back
/// the same tree up to positions; `origo_parsecheck --roundtrip` checks that
/// over the standard library.
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/ast.h"

#include <string>

namespace origo::syntax {

/// Re-emits Go source for a parsed file.
std::string printFile(const Tree &t);

} // namespace origo::syntax
