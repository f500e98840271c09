//===- runtime/sema.h - Semaphores for sync and internal/poll ---*- C++ -*-===//
///
/// \file
/// gc's sema.go: sleeping on a uint32 counter by address (sync.Mutex,
/// sync.WaitGroup, sync.RWMutex and internal/poll's fdMutex park here),
/// and notify lists (sync.Cond). The hooks keep the names upstream's
/// //go:linkname gives them and the Go calling convention (the closure
/// context in the nest register, unused; a bool is read from its low bit).
///
//===----------------------------------------------------------------------===//

#ifndef ORIGO_RUNTIME_SEMA_H
#define ORIGO_RUNTIME_SEMA_H

#include <stddef.h>
#include <stdint.h>

namespace origo::rt {

/// sync.notifyList's layout (sync/runtime.go); `lock` holds a SpinLock.
struct NotifyList {
  uint32_t wait;   ///< the ticket of the next waiter
  uint32_t notify; ///< the ticket of the next waiter to wake
  uintptr_t lock;
  void *head;
  void *tail;
};
static_assert(sizeof(NotifyList) == 32, "sync.notifyList's size");

/// Waits until *addr > 0, then decrements it (gc's semacquire1); \p lifo
/// queues the G first among the address's waiters (a Mutex waiter that
/// already waited once); \p mutex: a sync.Mutex or RWMutex semaphore,
/// released soon, so the G polls it briefly before parking.
void semacquire(uint32_t *addr, bool lifo, bool mutex, const char *reason);
/// Increments *addr and wakes a waiter; \p handoff gives the count
/// directly to it and yields so that it runs now (starving Mutex).
void semrelease(uint32_t *addr, bool handoff);
/// Gs parked on the semaphore at \p addr (tests).
int64_t semaWaiters(uint32_t *addr);

} // namespace origo::rt

extern "C" {
void goSyncSemacquire(uint32_t *addr) __asm__("sync.runtime_Semacquire");
void goSyncSemacquireMutex(uint32_t *addr, uint64_t lifo, int64_t skipframes)
    __asm__("sync.runtime_SemacquireMutex");
void goSyncSemrelease(uint32_t *addr, uint64_t handoff, int64_t skipframes)
    __asm__("sync.runtime_Semrelease");
void goPollSemacquire(uint32_t *addr) __asm__("internal/poll.runtime_Semacquire");
void goPollSemrelease(uint32_t *addr) __asm__("internal/poll.runtime_Semrelease");
uint32_t goNotifyListAdd(origo::rt::NotifyList *l) __asm__("sync.runtime_notifyListAdd");
void goNotifyListWait(origo::rt::NotifyList *l, uint32_t t) __asm__("sync.runtime_notifyListWait");
void goNotifyListNotifyAll(origo::rt::NotifyList *l) __asm__("sync.runtime_notifyListNotifyAll");
void goNotifyListNotifyOne(origo::rt::NotifyList *l) __asm__("sync.runtime_notifyListNotifyOne");
void goNotifyListCheck(uintptr_t size) __asm__("sync.runtime_notifyListCheck");
bool goSyncCanSpin(int64_t i) __asm__("sync.runtime_canSpin");
void goSyncDoSpin() __asm__("sync.runtime_doSpin");
int64_t goSyncNanotime() __asm__("sync.runtime_nanotime");
void goSyncThrow(const uint8_t *p, int64_t n) __asm__("sync.throw");
void goSyncFatal(const uint8_t *p, int64_t n) __asm__("sync.fatal");
void goSyncRegisterPoolCleanup(void *f) __asm__("sync.runtime_registerPoolCleanup");
int64_t goSyncProcPin() __asm__("sync.runtime_procPin");
void goSyncProcUnpin() __asm__("sync.runtime_procUnpin");
int64_t goAtomicProcPin() __asm__("sync/atomic.runtime_procPin");
void goAtomicProcUnpin() __asm__("sync/atomic.runtime_procUnpin");
}

#endif // ORIGO_RUNTIME_SEMA_H
