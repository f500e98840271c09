//===- frontend/parse.h - parsing entry points ------------------*- C++ -*-===//
/// \file
/// Parses Go source files into syntax trees.
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/ast.h"

#include <memory>

namespace origo::syntax {

/// Parses one loaded file. Syntax errors are added to diags; the returned
/// tree is always usable (erroneous parts are dropped or Bad nodes).
std::unique_ptr<Tree> parseFile(const SourceManager &sm, uint32_t file, Diagnostics &diags);

} // namespace origo::syntax
