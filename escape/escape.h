//===- escape/escape.h - public interface of escape/ ------------*- C++ -*-===//
/// \file
/// Escape analysis: decides which variables must live on the heap and which
/// parameters leak. For now the analysis is conservative: every variable
/// whose address is taken or that a closure captures is placed on the heap
/// (README.md). Later stages ask only through Facts, so the real analysis
/// (gc's escape graph with -m diagnostics) replaces this without changes
/// elsewhere.
//===----------------------------------------------------------------------===//
#pragma once

#include "types/types.h"

#include <set>
#include <string>

namespace origo::escape {

/// What the rest of the compiler needs to know about escapes.
class Facts {
public:
  /// Whether variable v must be allocated on the heap.
  bool onHeap(const types::Object *v) const { return heap_.count(v) > 0; }
  const std::set<const types::Object *> &heapVars() const { return heap_; }

private:
  friend Facts analyze(const types::Package &pkg);
  std::set<const types::Object *> heap_;
};

/// Analyzes a type-checked package.
Facts analyze(const types::Package &pkg);

/// The `-stop-after=escape` dump: per function, gc's `-m` style lines
/// (`x.go:3:2: moved to heap: x`), or a note that nothing escapes.
std::string dump(const Facts &facts, const types::Package &pkg, const SourceManager &sm);

} // namespace origo::escape
