//===- runtime/once.h - Run an initialiser exactly once ---------*- C++ -*-===//
///
/// \file
/// Lazy, thread-safe initialisation of runtime tables without libstdc++'s
/// guard variables or std::call_once (which may need pthread support in a
/// static link). The fast path is a single acquire load.
///
//===----------------------------------------------------------------------===//

#ifndef ORIGO_RUNTIME_ONCE_H
#define ORIGO_RUNTIME_ONCE_H

#include "runtime/spinlock.h"

namespace origo::rt {

class Once {
public:
  /// Calls \p init the first time any thread gets here; later calls (and
  /// concurrent callers) return once it has finished.
  template <typename F> void run(F init) {
    if (__atomic_load_n(&done, __ATOMIC_ACQUIRE))
      return;
    SpinLockGuard g(lock);
    if (!done) {
      init();
      __atomic_store_n(&done, true, __ATOMIC_RELEASE);
    }
  }

private:
  SpinLock lock;
  bool done = false;
};

} // namespace origo::rt

#endif // ORIGO_RUNTIME_ONCE_H
