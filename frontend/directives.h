//===- frontend/directives.h - placement of //go: directives ----*- C++ -*-===//
/// \file
/// gc's checks of where compiler directives stand. Private to frontend/
/// (parseFile runs it).
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/ast.h"
#include "frontend/parse.h"

namespace origo::syntax {

/// Reports directives that apply to nothing they can apply to ("misplaced
/// compiler directive") and misused //go:embed lines, from the attachment
/// the parser recorded in t.directiveUses.
void checkDirectives(const Tree &t, const SourceManager &sm, Diagnostics &diags, const ParseOptions &opts);

} // namespace origo::syntax
