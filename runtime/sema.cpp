//===- runtime/sema.cpp - Semaphores for sync and internal/poll -----------===//
///
/// \file
/// gc's sema.go in a simpler shape: addresses hash to one of 251 roots
/// (gc's semTabSize), each a lock and a list of waiting goroutines in
/// arrival order (gc keeps a treap of per-address queues; a list per root
/// is enough while few addresses share a root). A waiter is woken in FIFO
/// order among its address's waiters, or LIFO when it asked to be first
/// (a sync.Mutex waiter coming back), and a release with handoff gives the
/// count to the woken waiter directly and yields to it, as gc's starving
/// Mutex needs. The nwait counter lets a release with no waiter skip the
/// lock. Notify lists (sync.Cond) keep their waiters in the list's own
/// head/tail, tickets in wait/notify, as gc's.
///
//===----------------------------------------------------------------------===//

#include "runtime/sema.h"
#include "runtime/panic.h"
#include "runtime/persistent_alloc.h"
#include "runtime/print.h"
#include "runtime/sched.h"
#include "runtime/spinlock.h"

#include <string.h>

namespace origo::rt {
namespace {

/// A parked goroutine (gc's sudog, the fields semaphores use).
struct alignas(64) Waiter {
  uint32_t *addr;
  G *g;
  uint32_t ticket;  ///< notify lists: the wait ticket; semaphores: 1 = handed off
  Waiter *next;
  Waiter *prev;
};

/// Per thread; the accessors are never inlined: a goroutine that parks
/// between newWaiter and freeWaiter may continue on another thread, and
/// the compiler must not reuse the thread pointer it read before the park.
__thread Waiter *freeWaiters = nullptr;

__attribute__((noinline)) Waiter *newWaiter() {
  Waiter *w = freeWaiters;
  if (w)
    freeWaiters = w->next;
  else
    w = static_cast<Waiter *>(persistentAlloc(sizeof(Waiter), alignof(Waiter)));
  memset(w, 0, sizeof *w);
  return w;
}

__attribute__((noinline)) void freeWaiter(Waiter *w) {
  w->next = freeWaiters;
  freeWaiters = w;
}

/// One cache line each (gc pads its semTable's roots the same way): two
/// roots in use on different threads must not share a line, and a root
/// must not straddle two.
struct alignas(64) SemaRoot {
  SpinLock lock;
  Waiter *head = nullptr;
  Waiter *tail = nullptr;
  uint32_t nwait = 0; ///< waiters (read without the lock)
};
static_assert(sizeof(SemaRoot) == 64, "a root is one cache line");

constexpr int SemTabSize = 251;
SemaRoot semtable[SemTabSize];

/// gc's active_spin and active_spin_cnt: rounds of spinning before a
/// sync.Mutex waiter queues, and procyield's count per round.
constexpr int ActiveSpin = 4, ActiveSpinCount = 30;

SemaRoot *semroot(uint32_t *addr) {
  return &semtable[(reinterpret_cast<uintptr_t>(addr) >> 3) % SemTabSize];
}

bool cansemacquire(uint32_t *addr) {
  for (;;) {
    uint32_t v = __atomic_load_n(addr, __ATOMIC_ACQUIRE);
    if (v == 0)
      return false;
    if (__atomic_compare_exchange_n(addr, &v, v - 1, false, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
      return true;
  }
}

/// root's lock held.
void enqueue(SemaRoot *root, Waiter *w, bool lifo) {
  if (lifo) {
    // First among the waiters of its address: before the first of them.
    Waiter *at = root->head;
    while (at && at->addr != w->addr)
      at = at->next;
    if (at) {
      w->next = at;
      w->prev = at->prev;
      if (at->prev)
        at->prev->next = w;
      else
        root->head = w;
      at->prev = w;
      return;
    }
  }
  w->next = nullptr;
  w->prev = root->tail;
  if (root->tail)
    root->tail->next = w;
  else
    root->head = w;
  root->tail = w;
}

/// The first waiter on addr, unlinked (root's lock held), or null.
Waiter *dequeue(SemaRoot *root, uint32_t *addr) {
  Waiter *w = root->head;
  while (w && w->addr != addr)
    w = w->next;
  if (!w)
    return nullptr;
  if (w->prev)
    w->prev->next = w->next;
  else
    root->head = w->next;
  if (w->next)
    w->next->prev = w->prev;
  else
    root->tail = w->prev;
  w->next = w->prev = nullptr;
  return w;
}

bool unlockRoot(G *, void *root) {
  static_cast<SemaRoot *>(root)->lock.unlock();
  return true;
}

bool unlockSpinLock(G *, void *l) {
  static_cast<SpinLock *>(l)->unlock();
  return true;
}

/// gc's less for tickets that may wrap around.
bool ticketLess(uint32_t a, uint32_t b) { return int32_t(a - b) < 0; }

SpinLock &notifyLock(NotifyList *l) { return *reinterpret_cast<SpinLock *>(&l->lock); }
static_assert(sizeof(SpinLock) <= sizeof(uintptr_t), "notifyList.lock holds a SpinLock");

} // namespace

void semacquire(uint32_t *addr, bool lifo, bool mutex, const char *reason) {
  if (cansemacquire(addr))
    return;
  if (mutex && othersRunning()) {
    // A Mutex's waiter usually gets here moments before the release it
    // waits for: the holder's critical section is short and it runs on
    // another P. Polling the count for a few rounds of sync.Mutex's own
    // spin costs far less than parking and being readied. gc does not
    // poll here, but without it origo's waiters arrived before the
    // release much more often than gc's: in tools/bench/sched/mutex.go
    // 1.2M-3.2M real parks per run against gc's 0.2M-0.6M, and a run time
    // that swung between 1.2x and 2x gc's. With it: about 1,000 parks,
    // 0.75-0.85x gc's time.
    for (int i = 0; i < ActiveSpin; ++i) {
      procyield(ActiveSpinCount);
      if (cansemacquire(addr))
        return;
    }
  }
  SemaRoot *root = semroot(addr);
  Waiter *w = newWaiter();
  w->addr = addr;
  w->g = getg();
  for (;;) {
    root->lock.lock();
    // Announce the wait before the last look, so that a release either
    // sees it or leaves a count this look finds.
    __atomic_add_fetch(&root->nwait, 1, __ATOMIC_SEQ_CST);
    if (cansemacquire(addr)) {
      __atomic_sub_fetch(&root->nwait, 1, __ATOMIC_SEQ_CST);
      root->lock.unlock();
      break;
    }
    w->ticket = 0;
    enqueue(root, w, lifo);
    gopark(unlockRoot, root, reason);
    if (w->ticket != 0 || cansemacquire(addr))
      break; // handed off, or taken
    // Woken but beaten to it: queued again as the caller asked (gc's
    // semacquire1; sync.Mutex asks for the front itself once it waited).
  }
  freeWaiter(w);
}

void semrelease(uint32_t *addr, bool handoff) {
  SemaRoot *root = semroot(addr);
  __atomic_add_fetch(addr, 1, __ATOMIC_SEQ_CST);
  if (__atomic_load_n(&root->nwait, __ATOMIC_SEQ_CST) == 0)
    return;
  root->lock.lock();
  if (__atomic_load_n(&root->nwait, __ATOMIC_SEQ_CST) == 0) {
    root->lock.unlock();
    return;
  }
  Waiter *w = dequeue(root, addr);
  if (w)
    __atomic_sub_fetch(&root->nwait, 1, __ATOMIC_SEQ_CST);
  root->lock.unlock();
  if (!w)
    return;
  if (handoff && cansemacquire(addr))
    w->ticket = 1;
  G *gp = w->g;
  goready(gp);
  if (w->ticket == 1)
    goyield(); // the waiter runs now, on this P
}

int64_t semaWaiters(uint32_t *addr) {
  // Counted under the root's lock, not kept in a global counter: every
  // park would otherwise write one cache line shared by all threads.
  SemaRoot *root = semroot(addr);
  SpinLockGuard l(root->lock);
  int64_t n = 0;
  for (Waiter *w = root->head; w; w = w->next)
    n += w->addr == addr;
  return n;
}

} // namespace origo::rt

using namespace origo::rt;

namespace {
/// Prints a Go string as fatal's message (sync.throw, sync.fatal).
[[noreturn]] void fatalGoString(const uint8_t *p, int64_t n) {
  char msg[256];
  size_t len = n < 0 ? 0 : size_t(n) < sizeof msg - 1 ? size_t(n) : sizeof msg - 1;
  memcpy(msg, p, len);
  msg[len] = 0;
  fatal(msg);
}

void *poolCleanup = nullptr; ///< sync's poolCleanup, for the GC to come
} // namespace

extern "C" {

void goSyncSemacquire(uint32_t *addr) { semacquire(addr, false, false, "semacquire"); }

void goSyncSemacquireMutex(uint32_t *addr, uint64_t lifo, int64_t) {
  semacquire(addr, lifo & 1, true, "semacquire");
}

void goSyncSemrelease(uint32_t *addr, uint64_t handoff, int64_t) { semrelease(addr, handoff & 1); }

void goPollSemacquire(uint32_t *addr) { semacquire(addr, false, false, "semacquire"); }

void goPollSemrelease(uint32_t *addr) { semrelease(addr, false); }

uint32_t goNotifyListAdd(NotifyList *l) { return __atomic_fetch_add(&l->wait, 1, __ATOMIC_SEQ_CST); }

void goNotifyListWait(NotifyList *l, uint32_t t) {
  SpinLock &lock = notifyLock(l);
  lock.lock();
  if (ticketLess(t, l->notify)) {
    lock.unlock(); // notified already
    return;
  }
  Waiter *w = newWaiter();
  w->g = getg();
  w->ticket = t;
  if (l->tail)
    static_cast<Waiter *>(l->tail)->next = w;
  else
    l->head = w;
  l->tail = w;
  gopark(unlockSpinLock, &lock, "sync.Cond.Wait");
  freeWaiter(w);
}

void goNotifyListNotifyAll(NotifyList *l) {
  if (__atomic_load_n(&l->wait, __ATOMIC_SEQ_CST) == __atomic_load_n(&l->notify, __ATOMIC_SEQ_CST))
    return;
  SpinLock &lock = notifyLock(l);
  lock.lock();
  auto *w = static_cast<Waiter *>(l->head);
  l->head = l->tail = nullptr;
  __atomic_store_n(&l->notify, __atomic_load_n(&l->wait, __ATOMIC_SEQ_CST), __ATOMIC_SEQ_CST);
  lock.unlock();
  while (w) {
    Waiter *next = w->next;
    w->next = nullptr;
    goready(w->g); // w is freed by its G once it runs: read next first
    w = next;
  }
}

void goNotifyListNotifyOne(NotifyList *l) {
  if (__atomic_load_n(&l->wait, __ATOMIC_SEQ_CST) == __atomic_load_n(&l->notify, __ATOMIC_SEQ_CST))
    return;
  SpinLock &lock = notifyLock(l);
  lock.lock();
  uint32_t t = l->notify;
  if (t == __atomic_load_n(&l->wait, __ATOMIC_SEQ_CST)) {
    lock.unlock();
    return;
  }
  __atomic_store_n(&l->notify, t + 1, __ATOMIC_SEQ_CST);
  // The waiter with ticket t may not have queued yet (it then sees
  // notify > t and does not park); look for it.
  Waiter *prev = nullptr;
  for (auto *w = static_cast<Waiter *>(l->head); w; prev = w, w = w->next) {
    if (w->ticket != t)
      continue;
    Waiter *next = w->next;
    if (prev)
      prev->next = next;
    else
      l->head = next;
    if (l->tail == w)
      l->tail = prev;
    w->next = nullptr;
    lock.unlock();
    goready(w->g);
    return;
  }
  lock.unlock();
}

void goNotifyListCheck(uintptr_t size) {
  if (size != sizeof(NotifyList)) {
    printCString("runtime: bad notifyList size - sync=");
    printUint(size);
    printCString(" runtime=");
    printUint(sizeof(NotifyList));
    printCString("\n");
    fatal("bad notifyList size");
  }
}

bool goSyncCanSpin(int64_t i) {
  // gc's sync_runtime_canSpin: a few rounds, on a multicore machine, with
  // other Ps running (one of them may release the lock), and nothing else
  // to run here.
  if (i >= ActiveSpin || goNumCPU() <= 1 || !othersRunning())
    return false;
  return localRunqEmpty();
}

void goSyncDoSpin() { procyield(ActiveSpinCount); }

int64_t goSyncNanotime() { return nanotime(); }

void goSyncThrow(const uint8_t *p, int64_t n) { fatalGoString(p, n); }

void goSyncFatal(const uint8_t *p, int64_t n) { fatalGoString(p, n); }

void goSyncRegisterPoolCleanup(void *f) { poolCleanup = f; }

int64_t goSyncProcPin() { return procPin(); }

void goSyncProcUnpin() { procUnpin(); }

int64_t goAtomicProcPin() { return procPin(); }

void goAtomicProcUnpin() { procUnpin(); }


} // extern "C"
