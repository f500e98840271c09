//===- runtime/sema.cpp - semaphores and notify lists for package sync ----===//
/// \file
/// gc's sema.go: the sleeping half of sync.Mutex, RWMutex, WaitGroup and
/// internal/poll's fdMutex (`sync.runtime_Semacquire` and friends), and
/// the notify lists under sync.Cond. A semaphore is a uint32 in Go memory;
/// goroutines that find it zero park in a wait list of one of 251 roots
/// (hashed by address, each with its own lock, as gc's semtable), and a
/// release wakes the first waiter for that address — or, for a mutex in
/// starvation mode, hands it the count directly (handoff) so that no
/// newcomer can overtake it. gc keeps each root's waiters in a treap by
/// address; a root here keeps a list, which is as fast while few distinct
/// addresses collide in a root. The waiters live on the parked goroutines'
/// stacks, which do not move.
//===----------------------------------------------------------------------===//
#include "runtime/panic.h"
#include "runtime/sched.h"
#include "runtime/spinlock.h"

#include <stdint.h>
#include <time.h>

namespace origo::rt {

namespace {

/// A goroutine waiting on a semaphore or a notify list (gc's sudog).
struct Waiter {
  G *g;
  void *addr;      ///< the semaphore, for sema roots
  uint32_t ticket; ///< notify lists: the ticket; semaphores: 1 when handed off
  Waiter *next;
};

struct SemaRoot {
  SpinLock lock;
  Waiter *head = nullptr, *tail = nullptr;
  uint32_t nwait = 0; ///< waiters, read without the lock to skip empty roots
};

constexpr int SemTabSize = 251;
SemaRoot semtable[SemTabSize];

SemaRoot *semroot(void *addr) { return &semtable[(reinterpret_cast<uintptr_t>(addr) >> 3) % SemTabSize]; }

bool cansemacquire(uint32_t *addr) {
  for (;;) {
    uint32_t v = __atomic_load_n(addr, __ATOMIC_SEQ_CST);
    if (v == 0) return false;
    if (__atomic_compare_exchange_n(addr, &v, v - 1, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) return true;
  }
}

/// gopark's unlock function: the lock is released only once the G is
/// parked, so a waker that takes the lock sees it parked.
bool unlockSpin(G *, void *lock) {
  static_cast<SpinLock *>(lock)->unlock();
  return true;
}

void semacquire(uint32_t *addr, bool lifo) {
  if (cansemacquire(addr)) return;
  SemaRoot *root = semroot(addr);
  for (;;) {
    root->lock.lock();
    // Count ourselves first, so a releaser that bumps the semaphore after
    // our check below knows to look for us.
    __atomic_add_fetch(&root->nwait, 1, __ATOMIC_SEQ_CST);
    if (cansemacquire(addr)) {
      __atomic_sub_fetch(&root->nwait, 1, __ATOMIC_SEQ_CST);
      root->lock.unlock();
      return;
    }
    Waiter w{getg(), addr, 0, nullptr};
    if (lifo) {
      // A waiter that already waited goes first (sync.Mutex's fairness).
      w.next = root->head;
      root->head = &w;
      if (!root->tail) root->tail = &w;
    } else {
      if (root->tail) root->tail->next = &w;
      else root->head = &w;
      root->tail = &w;
    }
    gopark(unlockSpin, &root->lock, "semacquire");
    if (w.ticket != 0 || cansemacquire(addr)) return;
  }
}

void semrelease(uint32_t *addr, bool handoff) {
  SemaRoot *root = semroot(addr);
  __atomic_add_fetch(addr, 1, __ATOMIC_SEQ_CST);
  if (__atomic_load_n(&root->nwait, __ATOMIC_SEQ_CST) == 0) return;
  root->lock.lock();
  if (__atomic_load_n(&root->nwait, __ATOMIC_SEQ_CST) == 0) {
    root->lock.unlock();
    return;
  }
  Waiter *prev = nullptr, *w = root->head;
  while (w && w->addr != addr) {
    prev = w;
    w = w->next;
  }
  if (w) {
    (prev ? prev->next : root->head) = w->next;
    if (root->tail == w) root->tail = prev;
    __atomic_sub_fetch(&root->nwait, 1, __ATOMIC_SEQ_CST);
  }
  root->lock.unlock();
  if (!w) return;
  if (handoff && cansemacquire(addr)) w->ticket = 1;
  goready(w->g);
}

/// sync.notifyList, whose layout the Go side checks with
/// runtime_notifyListCheck: tickets handed out (wait) and served (notify),
/// a lock word and the list of waiters.
struct NotifyList {
  uint32_t wait;
  uint32_t notify;
  SpinLock lock;
  uint8_t pad[7];
  Waiter *head;
  Waiter *tail;
};
static_assert(sizeof(NotifyList) == 32, "sync.notifyList is 32 bytes");

/// a < b for tickets that wrap around.
bool ticketLess(uint32_t a, uint32_t b) { return int32_t(a - b) < 0; }

int64_t monotonicNanos() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

} // namespace

} // namespace origo::rt

using namespace origo::rt;

extern "C" {

void syncSemacquire(uint32_t *addr) __asm__("sync.runtime_Semacquire");
void syncSemacquireMutex(uint32_t *addr, bool lifo, int64_t skip) __asm__("sync.runtime_SemacquireMutex");
void syncSemrelease(uint32_t *addr, bool handoff, int64_t skip) __asm__("sync.runtime_Semrelease");
void pollSemacquire(uint32_t *addr) __asm__("internal/poll.runtime_Semacquire");
void pollSemrelease(uint32_t *addr) __asm__("internal/poll.runtime_Semrelease");
uint32_t notifyListAdd(NotifyList *l) __asm__("sync.runtime_notifyListAdd");
void notifyListWait(NotifyList *l, uint32_t t) __asm__("sync.runtime_notifyListWait");
void notifyListNotifyAll(NotifyList *l) __asm__("sync.runtime_notifyListNotifyAll");
void notifyListNotifyOne(NotifyList *l) __asm__("sync.runtime_notifyListNotifyOne");
void notifyListCheck(uintptr_t size) __asm__("sync.runtime_notifyListCheck");
int64_t syncNanotime() __asm__("sync.runtime_nanotime");

void syncSemacquire(uint32_t *addr) { semacquire(addr, false); }
void syncSemacquireMutex(uint32_t *addr, bool lifo, int64_t) { semacquire(addr, lifo); }
void syncSemrelease(uint32_t *addr, bool handoff, int64_t) { semrelease(addr, handoff); }
void pollSemacquire(uint32_t *addr) { semacquire(addr, false); }
void pollSemrelease(uint32_t *addr) { semrelease(addr, false); }

uint32_t notifyListAdd(NotifyList *l) { return __atomic_fetch_add(&l->wait, 1, __ATOMIC_SEQ_CST); }

void notifyListWait(NotifyList *l, uint32_t t) {
  l->lock.lock();
  if (ticketLess(t, l->notify)) {
    // Notified already, between Add and Wait.
    l->lock.unlock();
    return;
  }
  Waiter w{getg(), nullptr, t, nullptr};
  if (l->tail) l->tail->next = &w;
  else l->head = &w;
  l->tail = &w;
  gopark(unlockSpin, &l->lock, "sync.Cond.Wait");
}

void notifyListNotifyAll(NotifyList *l) {
  if (__atomic_load_n(&l->wait, __ATOMIC_SEQ_CST) == __atomic_load_n(&l->notify, __ATOMIC_SEQ_CST)) return;
  l->lock.lock();
  Waiter *w = l->head;
  l->head = l->tail = nullptr;
  __atomic_store_n(&l->notify, __atomic_load_n(&l->wait, __ATOMIC_SEQ_CST), __ATOMIC_SEQ_CST);
  l->lock.unlock();
  while (w) {
    Waiter *next = w->next; // w dies once its G runs
    goready(w->g);
    w = next;
  }
}

void notifyListNotifyOne(NotifyList *l) {
  if (__atomic_load_n(&l->wait, __ATOMIC_SEQ_CST) == __atomic_load_n(&l->notify, __ATOMIC_SEQ_CST)) return;
  l->lock.lock();
  uint32_t t = l->notify;
  if (t == __atomic_load_n(&l->wait, __ATOMIC_SEQ_CST)) {
    l->lock.unlock();
    return;
  }
  __atomic_store_n(&l->notify, t + 1, __ATOMIC_SEQ_CST);
  // The waiter holding ticket t may not have queued yet; then its Wait
  // sees notify past t and returns at once.
  Waiter *prev = nullptr;
  for (Waiter *w = l->head; w; prev = w, w = w->next) {
    if (w->ticket != t) continue;
    (prev ? prev->next : l->head) = w->next;
    if (l->tail == w) l->tail = prev;
    l->lock.unlock();
    goready(w->g);
    return;
  }
  l->lock.unlock();
}

void notifyListCheck(uintptr_t size) {
  if (size != sizeof(NotifyList)) fatal("bad notifyList size");
}

int64_t syncNanotime() { return monotonicNanos(); }

} // extern "C"
