//===- runtime/spinlock.h - A minimal lock for runtime tables ---*- C++ -*-===//
///
/// \file
/// A test-and-set spin lock for short critical sections in runtime code that
/// must not depend on libc's locks or on the scheduler (lazily built tables,
/// the persistent allocator). Go's runtime uses its futex-based mutex here;
/// this one is enough until the scheduler exists.
///
//===----------------------------------------------------------------------===//

#ifndef ORIGO_RUNTIME_SPINLOCK_H
#define ORIGO_RUNTIME_SPINLOCK_H

namespace origo::rt {

class SpinLock {
public:
  void lock() {
    while (__atomic_test_and_set(&held, __ATOMIC_ACQUIRE))
      while (__atomic_load_n(&held, __ATOMIC_RELAXED))
        ;
  }
  void unlock() { __atomic_clear(&held, __ATOMIC_RELEASE); }

private:
  bool held = false;
};

/// Holds a SpinLock for the lifetime of the guard.
class SpinLockGuard {
public:
  explicit SpinLockGuard(SpinLock &l) : l(l) { l.lock(); }
  ~SpinLockGuard() { l.unlock(); }
  SpinLockGuard(const SpinLockGuard &) = delete;
  SpinLockGuard &operator=(const SpinLockGuard &) = delete;

private:
  SpinLock &l;
};

} // namespace origo::rt

#endif // ORIGO_RUNTIME_SPINLOCK_H
