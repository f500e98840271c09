//===- runtime/functab.cpp - Go function lookup by address ----------------===//
///
/// \file
/// The linker concatenates the origo_funcs arrays of all modules in link
/// order, which need not be address order, so the first lookup builds a
/// sorted index of pointers to the entries.
///
//===----------------------------------------------------------------------===//

#include "runtime/functab.h"
#include "runtime/persistent_alloc.h"
#include "runtime/once.h"

#include <algorithm>

using origo::abi::FuncMeta;

// Defined by the linker for the section named ORIGO_FUNCMETA_SECTION; weak
// so that a program without any Go function still links.
extern "C" const FuncMeta __start_origo_funcs[] __attribute__((weak));
extern "C" const FuncMeta __stop_origo_funcs[] __attribute__((weak));

namespace origo::rt {
namespace {

Once indexOnce;
const FuncMeta **sorted = nullptr; // by entry address
size_t count = 0;

void buildIndex() {
  const FuncMeta *begin = __start_origo_funcs, *end = __stop_origo_funcs;
  size_t n = begin && end > begin ? static_cast<size_t>(end - begin) : 0;
  const FuncMeta **v = persistentAllocArray<const FuncMeta *>(n);
  for (size_t i = 0; i < n; ++i)
    v[i] = &begin[i];
  std::sort(v, v + n, [](const FuncMeta *a, const FuncMeta *b) {
    return reinterpret_cast<uintptr_t>(a->entry) <
           reinterpret_cast<uintptr_t>(b->entry);
  });
  sorted = v;
  count = n;
}

} // namespace

const FuncMeta *findFunc(uintptr_t pc) {
  indexOnce.run(buildIndex);
  // First entry whose address is > pc; the one before it contains pc.
  const FuncMeta **it =
      std::upper_bound(sorted, sorted + count, pc,
                       [](uintptr_t pc, const FuncMeta *f) {
                         return pc < reinterpret_cast<uintptr_t>(f->entry);
                       });
  return it == sorted ? nullptr : *(it - 1);
}

} // namespace origo::rt
