//===- tools/parsecheck/tree_diff.h - structural tree comparison -*- C++ -*-===//
/// \file
/// Compares two syntax trees by shape alone: kinds, operators, text and
/// children, ignoring positions. The round-trip check (parse, print, parse
/// again) uses it to find what the printer loses or the parser misreads.
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/frontend.h"

#include <string>

namespace origo::parsecheck {

/// Where two trees first differ, in preorder.
struct TreeDiff {
  bool same = true;
  syntax::NodeId a, b; ///< the differing nodes (one may be None)
  std::string path;    ///< kinds from the root down, `File/FuncDecl[2]/Block[3]`
  std::string what;    ///< what differs: `kind CallExpr vs IndexExpr`, ...
};

/// Walks both trees from their roots without recursion (deeply nested
/// input must not overflow the stack) and reports the first difference.
TreeDiff diffTrees(const syntax::Tree &a, const syntax::Tree &b);

} // namespace origo::parsecheck
