//===- frontend/parse.h - parsing entry points ------------------*- C++ -*-===//
/// \file
/// Parses Go source files into syntax trees.
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/ast.h"

#include <memory>
#include <string>

namespace origo::syntax {

/// What gc's -std and -+ flags tell the parser: which //go: directives the
/// file may use.
struct ParseOptions {
  bool std = false;     ///< a standard-library package (gc -std)
  bool runtime = false; ///< the runtime itself (gc -+)
  /// The options go build uses for the standard package at importPath.
  static ParseOptions forStd(const std::string &importPath);
};

/// Parses one loaded file. Syntax errors are added to diags; the returned
/// tree is always usable (erroneous parts are dropped or Bad nodes).
std::unique_ptr<Tree> parseFile(const SourceManager &sm, uint32_t file, Diagnostics &diags,
                                const ParseOptions &opts = {});

} // namespace origo::syntax
