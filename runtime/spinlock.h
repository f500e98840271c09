//===- runtime/spinlock.h - The runtime's lock ------------------*- C++ -*-===//
///
/// \file
/// The lock of runtime tables and of the scheduler, channels and timers: a
/// futex mutex in the manner of gc's lock_futex.go. It spins briefly (a
/// holder on another CPU usually releases within a few hundred cycles),
/// then sleeps in the kernel, so that a thread holding it and preempted by
/// the OS does not leave the others burning their time slices (there are
/// more Ms than CPUs). It depends on neither libc's locks nor the
/// scheduler; the holder must not park its goroutine.
///
/// The key is 0 (unlocked), 1 (locked) or 2 (locked, maybe sleepers).
///
//===----------------------------------------------------------------------===//

#ifndef ORIGO_RUNTIME_SPINLOCK_H
#define ORIGO_RUNTIME_SPINLOCK_H

#include <stdint.h>

namespace origo::rt {

/// Sleeps while *addr == val (FUTEX_WAIT, private); \p ns < 0: no timeout.
void futexsleep(uint32_t *addr, uint32_t val, int64_t ns);
/// Wakes up to \p cnt threads sleeping on addr.
void futexwakeup(uint32_t *addr, uint32_t cnt);

/// Tells the CPU \p n times that this thread is spinning (gc's procyield):
/// cheaper for the other hyperthread and the memory system than a bare
/// loop.
inline void procyield(int n) {
  for (int i = 0; i < n; ++i) {
#if defined(__x86_64__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ volatile("yield");
#endif
  }
}

class SpinLock {
public:
  void lock() {
    uint32_t expected = 0;
    if (__atomic_compare_exchange_n(&key, &expected, 1, false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
      return;
    lockSlow();
  }
  void unlock() {
    if (__atomic_exchange_n(&key, 0, __ATOMIC_RELEASE) == 2)
      futexwakeup(&key, 1);
  }

private:
  void lockSlow() {
    for (int spin = 0; spin < 100; ++spin) {
      uint32_t expected = 0;
      if (__atomic_load_n(&key, __ATOMIC_RELAXED) == 0 &&
          __atomic_compare_exchange_n(&key, &expected, 1, false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
        return;
      procyield(1);
    }
    // Mark contended; whoever unlocks wakes one sleeper.
    while (__atomic_exchange_n(&key, 2, __ATOMIC_ACQUIRE) != 0)
      futexsleep(&key, 2, -1);
  }

  uint32_t key = 0;
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
