//===- runtime/chan.cpp - Channels and select -----------------------------===//
///
/// \file
/// gc 1.19's channels (runtime/chan.go) and select (runtime/select.go); the
/// design is described in chan.h. Invariants, as gc's:
///  - at least one of recvq and sendq is empty, except for an unbuffered
///    channel with one goroutine blocked sending and receiving through a
///    select on both ends;
///  - a buffered channel with elements has no waiting receivers, a full one
///    no waiting senders;
///  - a goroutine parked in a select has a sudog on every case's channel;
///    the first waker to set its selectDone wins, the others skip it.
/// Channel locks are always taken in increasing address order when several
/// are held (select), so several Ms can never deadlock on them.
///
//===----------------------------------------------------------------------===//

#include "runtime/chan.h"
#include "runtime/hash.h"
#include "runtime/malloc.h"
#include "runtime/panic.h"
#include "runtime/persistent_alloc.h"

#include <string.h>

namespace origo::rt {

//===-- wait queues ---------------------------------------------------------===//

void WaitQ::enqueue(Sudog *s) {
  s->next = nullptr;
  s->prev = last;
  if (last)
    last->next = s;
  else
    first = s;
  last = s;
}

Sudog *WaitQ::dequeue() {
  for (;;) {
    Sudog *s = first;
    if (!s)
      return nullptr;
    first = s->next;
    if (first)
      first->prev = nullptr;
    else
      last = nullptr;
    s->next = s->prev = nullptr;
    // A select's goroutine is woken by one of its cases only: losing the
    // race means another channel already woke it; skip the sudog.
    if (s->isSelect) {
      uint32_t expected = 0;
      if (!__atomic_compare_exchange_n(&s->g->selectDone, &expected, 1, false, __ATOMIC_ACQ_REL,
                                       __ATOMIC_ACQUIRE))
        continue;
    }
    return s;
  }
}

void WaitQ::remove(Sudog *s) {
  // Unlinked already when neither linked nor first (gc's dequeueSudoG).
  if (!s->prev && first != s)
    return;
  if (s->prev)
    s->prev->next = s->next;
  else
    first = s->next;
  if (s->next)
    s->next->prev = s->prev;
  else
    last = s->prev;
  s->next = s->prev = nullptr;
}

namespace {

//===-- sudogs --------------------------------------------------------------===//

/// Sudogs are reused as gc reuses them: each P keeps a free list of its own
/// (no lock: only the M holding the P touches it, and runtime code is not
/// preempted), and exchanges half of it with a central list under a lock
/// when it runs empty or grows past SudogCacheMax. Two goroutines talking
/// over a channel from different Ps thus never share a lock but the
/// channel's.
constexpr int32_t SudogCacheMax = 128;
SpinLock sudogLock;
Sudog *sudogCentral = nullptr;

Sudog *acquireSudog() {
  P *pp = getg()->m->p;
  if (!pp)
    fatal("acquireSudog: no P");
  if (!pp->sudogcache) {
    // Refill half the cache from the central list, then allocate.
    {
      SpinLockGuard l(sudogLock);
      while (pp->nsudogcache < SudogCacheMax / 2 && sudogCentral) {
        Sudog *s = sudogCentral;
        sudogCentral = s->next;
        s->next = pp->sudogcache;
        pp->sudogcache = s;
        ++pp->nsudogcache;
      }
    }
    if (!pp->sudogcache) {
      auto *s = static_cast<Sudog *>(persistentAlloc(sizeof(Sudog), alignof(Sudog)));
      memset(s, 0, sizeof *s);
      return s;
    }
  }
  Sudog *s = pp->sudogcache;
  pp->sudogcache = s->next;
  --pp->nsudogcache;
  memset(s, 0, sizeof *s);
  return s;
}

void releaseSudog(Sudog *s) {
  if (s->elem || s->c || s->waitlink || s->next || s->prev)
    fatal("runtime: sudog with non-nil fields");
  P *pp = getg()->m->p;
  if (!pp)
    fatal("releaseSudog: no P");
  if (pp->nsudogcache == SudogCacheMax) {
    // Give half the cache to the central list.
    Sudog *first = nullptr, *last = nullptr;
    while (pp->nsudogcache > SudogCacheMax / 2) {
      Sudog *t = pp->sudogcache;
      pp->sudogcache = t->next;
      --pp->nsudogcache;
      t->next = first;
      first = t;
      if (!last)
        last = t;
    }
    SpinLockGuard l(sudogLock);
    last->next = sudogCentral;
    sudogCentral = first;
  }
  s->next = pp->sudogcache;
  pp->sudogcache = s;
  ++pp->nsudogcache;
}

//===-- channels -------------------------------------------------------------===//

constexpr int64_t MaxElemSize = 1 << 16;
/// gc's maxAlloc on 64-bit Linux: 1 << 48.
constexpr uint64_t MaxAlloc = uint64_t(1) << 48;

uint8_t *chanbuf(Hchan *c, uint64_t i) { return c->buf + i * c->elemsize; }

void copyElem(Hchan *c, void *dst, const void *src) {
  if (c->elemsize)
    memmove(dst, src, c->elemsize);
}

void clearElem(Hchan *c, void *p) {
  if (c->elemsize)
    memset(p, 0, c->elemsize);
}

bool full(Hchan *c) {
  if (c->dataqsiz == 0)
    return __atomic_load_n(&c->recvq.first, __ATOMIC_RELAXED) == nullptr;
  return __atomic_load_n(&c->qcount, __ATOMIC_RELAXED) == c->dataqsiz;
}

bool empty(Hchan *c) {
  if (c->dataqsiz == 0)
    return __atomic_load_n(&c->sendq.first, __ATOMIC_RELAXED) == nullptr;
  return __atomic_load_n(&c->qcount, __ATOMIC_RELAXED) == 0;
}

/// gopark's callback: the channel is unlocked once the G is parked.
bool chanparkcommit(G *, void *lock) {
  static_cast<SpinLock *>(lock)->unlock();
  return true;
}

/// Wakes the goroutine of sg, whose communication completed.
void wake(Sudog *sg, bool success) {
  G *gp = sg->g;
  gp->param = sg;
  sg->success = success;
  goready(gp);
}

/// A send to a waiting receiver sg: the element goes straight into the
/// receiver's slot. unlock releases the channel (or a select's channels)
/// before the receiver is made ready.
template <typename Unlock> void send(Hchan *c, Sudog *sg, const void *ep, Unlock unlock) {
  if (sg->elem) {
    copyElem(c, sg->elem, ep);
    sg->elem = nullptr;
  }
  unlock();
  wake(sg, true);
}

/// A receive from a waiting sender sg. Unbuffered: straight from the
/// sender's element. Buffered (the buffer is full, or sg would not wait):
/// the head of the ring is received and sg's element takes its place at
/// the tail, which keeps FIFO order.
template <typename Unlock> void recv(Hchan *c, Sudog *sg, void *ep, Unlock unlock) {
  if (c->dataqsiz == 0) {
    if (ep)
      copyElem(c, ep, sg->elem);
  } else {
    uint8_t *qp = chanbuf(c, c->recvx);
    if (ep)
      copyElem(c, ep, qp);
    copyElem(c, qp, sg->elem);
    if (++c->recvx == c->dataqsiz)
      c->recvx = 0;
    c->sendx = c->recvx; // the ring is still full
  }
  sg->elem = nullptr;
  unlock();
  wake(sg, true);
}

/// Blocks the current G on queue q of c with element ep; returns whether it
/// was woken by a communication (false: by close). c is locked on entry and
/// unlocked on return.
bool block(Hchan *c, WaitQ &q, void *ep, const char *reason) {
  G *gp = getg();
  Sudog *mysg = acquireSudog();
  mysg->elem = ep;
  mysg->g = gp;
  mysg->c = c;
  gp->waiting = mysg;
  gp->param = nullptr;
  q.enqueue(mysg);
  gopark(chanparkcommit, &c->lock, reason);
  if (gp->param != mysg)
    fatal("G waiting list is corrupted");
  gp->waiting = nullptr;
  gp->param = nullptr;
  bool success = mysg->success;
  mysg->c = nullptr;
  mysg->elem = nullptr;
  releaseSudog(mysg);
  return success;
}

[[noreturn]] void parkForever(const char *reason) {
  gopark(nullptr, nullptr, reason);
  fatal("unreachable");
}

/// gc's chansend: false only when !block and the send cannot proceed.
bool chansend(Hchan *c, const void *ep, bool blockOK) {
  if (!c) {
    if (!blockOK)
      return false;
    parkForever("chan send (nil chan)");
  }
  // Fast path without the lock: a non-blocking send to an open full
  // channel fails (closed is read before full, as gc argues).
  if (!blockOK && __atomic_load_n(&c->closed, __ATOMIC_RELAXED) == 0 && full(c))
    return false;
  c->lock.lock();
  if (c->closed) {
    c->lock.unlock();
    panicPlainError("send on closed channel");
  }
  if (Sudog *sg = c->recvq.dequeue()) {
    send(c, sg, ep, [c] { c->lock.unlock(); });
    return true;
  }
  if (c->qcount < c->dataqsiz) {
    copyElem(c, chanbuf(c, c->sendx), ep);
    if (++c->sendx == c->dataqsiz)
      c->sendx = 0;
    ++c->qcount;
    c->lock.unlock();
    return true;
  }
  if (!blockOK) {
    c->lock.unlock();
    return false;
  }
  if (!block(c, c->sendq, const_cast<void *>(ep), "chan send")) {
    if (!c->closed)
      fatal("chansend: spurious wakeup");
    panicPlainError("send on closed channel");
  }
  return true;
}

struct RecvResult {
  bool selected, received;
};

/// gc's chanrecv: receives into ep (null: dropped); a closed, drained
/// channel gives the zero value and received false.
RecvResult chanrecv(Hchan *c, void *ep, bool blockOK) {
  if (!c) {
    if (!blockOK)
      return {false, false};
    parkForever("chan receive (nil chan)");
  }
  if (!blockOK && empty(c)) {
    if (__atomic_load_n(&c->closed, __ATOMIC_ACQUIRE) == 0)
      return {false, false};
    if (empty(c)) {
      if (ep)
        clearElem(c, ep);
      return {true, false};
    }
  }
  c->lock.lock();
  if (c->closed) {
    if (c->qcount == 0) {
      c->lock.unlock();
      if (ep)
        clearElem(c, ep);
      return {true, false};
    }
  } else if (Sudog *sg = c->sendq.dequeue()) {
    recv(c, sg, ep, [c] { c->lock.unlock(); });
    return {true, true};
  }
  if (c->qcount > 0) {
    uint8_t *qp = chanbuf(c, c->recvx);
    if (ep)
      copyElem(c, ep, qp);
    clearElem(c, qp);
    if (++c->recvx == c->dataqsiz)
      c->recvx = 0;
    --c->qcount;
    c->lock.unlock();
    return {true, true};
  }
  if (!blockOK) {
    c->lock.unlock();
    return {false, false};
  }
  return {true, block(c, c->recvq, ep, "chan receive")};
}

//===-- select ---------------------------------------------------------------===//

void sellock(Scase *cases, const uint16_t *lockorder, int n) {
  Hchan *last = nullptr;
  for (int i = 0; i < n; ++i) {
    Hchan *c = cases[lockorder[i]].c;
    if (c != last) {
      c->lock.lock();
      last = c;
    }
  }
}

void selunlock(Scase *cases, const uint16_t *lockorder, int n) {
  // In reverse; a channel met twice in a row is unlocked once.
  for (int i = n - 1; i >= 0; --i) {
    Hchan *c = cases[lockorder[i]].c;
    if (i > 0 && c == cases[lockorder[i - 1]].c)
      continue;
    c->lock.unlock();
  }
}

/// gopark's callback for a select: its channels are unlocked once the G
/// is parked (G::waiting lists its sudogs in lock order).
bool selparkcommit(G *gp, void *) {
  Hchan *last = nullptr;
  for (Sudog *sg = gp->waiting; sg; sg = sg->waitlink) {
    if (sg->c != last && last)
      last->lock.unlock();
    last = sg->c;
  }
  if (last)
    last->lock.unlock();
  return true;
}

/// Sorts the cases' indices by channel address (a heap sort, as gc: no
/// allocation, O(n log n)).
void sortByChannel(Scase *cases, uint16_t *order, int n) {
  auto key = [&](int i) { return reinterpret_cast<uintptr_t>(cases[order[i]].c); };
  auto siftDown = [&](int root, int end) {
    for (;;) {
      int child = 2 * root + 1;
      if (child >= end)
        return;
      if (child + 1 < end && key(child) < key(child + 1))
        ++child;
      if (key(root) >= key(child))
        return;
      uint16_t t = order[root];
      order[root] = order[child];
      order[child] = t;
      root = child;
    }
  };
  for (int i = n / 2 - 1; i >= 0; --i)
    siftDown(i, n);
  for (int end = n - 1; end > 0; --end) {
    uint16_t t = order[0];
    order[0] = order[end];
    order[end] = t;
    siftDown(0, end);
  }
}

SelectResult selectgo(Scase *cases, uint16_t *order, int nsends, int nrecvs, bool blockOK) {
  int ncases = nsends + nrecvs;
  uint16_t *pollorder = order, *lockorder = order + ncases;

  // 1. A random poll order (an inside-out shuffle) of the cases with a
  // channel, and a lock order by channel address.
  int norder = 0;
  for (int i = 0; i < ncases; ++i) {
    if (!cases[i].c) {
      cases[i].elem = nullptr;
      continue;
    }
    int j = int(fastrand() % uint32_t(norder + 1));
    pollorder[norder] = pollorder[j];
    pollorder[j] = uint16_t(i);
    ++norder;
  }
  for (int i = 0; i < norder; ++i)
    lockorder[i] = pollorder[i];
  sortByChannel(cases, lockorder, norder);
  sellock(cases, lockorder, norder);
  auto unlockAll = [&] { selunlock(cases, lockorder, norder); };

  // 2. The first ready case in poll order.
  for (int k = 0; k < norder; ++k) {
    int casi = pollorder[k];
    Scase &cas = cases[casi];
    Hchan *c = cas.c;
    if (casi >= nsends) {
      if (Sudog *sg = c->sendq.dequeue()) {
        recv(c, sg, cas.elem, unlockAll);
        return {casi, true};
      }
      if (c->qcount > 0) {
        uint8_t *qp = chanbuf(c, c->recvx);
        if (cas.elem)
          copyElem(c, cas.elem, qp);
        clearElem(c, qp);
        if (++c->recvx == c->dataqsiz)
          c->recvx = 0;
        --c->qcount;
        unlockAll();
        return {casi, true};
      }
      if (c->closed) {
        unlockAll();
        if (cas.elem)
          clearElem(c, cas.elem);
        return {casi, false};
      }
    } else {
      if (c->closed) {
        unlockAll();
        panicPlainError("send on closed channel");
      }
      if (Sudog *sg = c->recvq.dequeue()) {
        send(c, sg, cas.elem, unlockAll);
        return {casi, false};
      }
      if (c->qcount < c->dataqsiz) {
        copyElem(c, chanbuf(c, c->sendx), cas.elem);
        if (++c->sendx == c->dataqsiz)
          c->sendx = 0;
        ++c->qcount;
        unlockAll();
        return {casi, false};
      }
    }
  }
  if (!blockOK) {
    unlockAll();
    return {-1, false};
  }

  // 3. Nothing is ready: a sudog on every channel, in lock order, then
  // park until one of them completes.
  G *gp = getg();
  gp->waiting = nullptr;
  Sudog **nextp = &gp->waiting;
  for (int k = 0; k < norder; ++k) {
    int casi = lockorder[k];
    Scase &cas = cases[casi];
    Sudog *sg = acquireSudog();
    sg->g = gp;
    sg->isSelect = true;
    sg->elem = cas.elem;
    sg->c = cas.c;
    *nextp = sg;
    nextp = &sg->waitlink;
    if (casi < nsends)
      cas.c->sendq.enqueue(sg);
    else
      cas.c->recvq.enqueue(sg);
  }
  gp->param = nullptr;
  gopark(selparkcommit, nullptr, norder ? "select" : "select (no cases)");

  // 4. Woken: dequeue the sudogs of the other cases.
  sellock(cases, lockorder, norder);
  __atomic_store_n(&gp->selectDone, 0, __ATOMIC_RELEASE);
  Sudog *won = static_cast<Sudog *>(gp->param);
  gp->param = nullptr;
  for (Sudog *sg = gp->waiting; sg; sg = sg->waitlink) {
    sg->isSelect = false;
    sg->elem = nullptr;
    sg->c = nullptr;
  }
  Sudog *sglist = gp->waiting;
  gp->waiting = nullptr;
  int casi = -1;
  bool success = false;
  for (int k = 0; k < norder; ++k) {
    int i = lockorder[k];
    if (sglist == won) {
      casi = i;
      success = sglist->success;
    } else if (i < nsends) {
      cases[i].c->sendq.remove(sglist);
    } else {
      cases[i].c->recvq.remove(sglist);
    }
    Sudog *next = sglist->waitlink;
    sglist->waitlink = nullptr;
    releaseSudog(sglist);
    sglist = next;
  }
  if (casi < 0)
    fatal("selectgo: bad wakeup");
  if (casi < nsends) {
    if (!success) {
      unlockAll();
      panicPlainError("send on closed channel");
    }
    unlockAll();
    return {casi, false};
  }
  unlockAll();
  return {casi, success};
}

} // namespace
} // namespace origo::rt

using namespace origo::rt;

extern "C" {

Hchan *goMakechan(const origo::abi::ChanType *t, int64_t size) {
  const origo::abi::Type *elem = t->elem;
  if (elem->size >= uint64_t(MaxElemSize))
    fatal("makechan: invalid channel element type");
  unsigned __int128 mem = (unsigned __int128)elem->size * (unsigned __int128)(uint64_t)size;
  if (size < 0 || mem > MaxAlloc - sizeof(Hchan))
    panicPlainError("makechan: size out of range");
  auto *c = static_cast<Hchan *>(mallocgc(sizeof(Hchan), &runtimePointers, true));
  c->buf = mem ? static_cast<uint8_t *>(mallocgc(size_t(mem), elem, true)) : reinterpret_cast<uint8_t *>(&goZerobase);
  c->elemsize = elem->size;
  c->elemtype = elem;
  c->dataqsiz = uint64_t(size);
  return c;
}

void goChansend1(Hchan *c, const void *elem) { chansend(c, elem, true); }

void goChanrecv1(Hchan *c, void *elem) { chanrecv(c, elem, true); }

bool goChanrecv2(Hchan *c, void *elem) { return chanrecv(c, elem, true).received; }

void goClosechan(Hchan *c) {
  if (!c)
    panicPlainError("close of nil channel");
  c->lock.lock();
  if (c->closed) {
    c->lock.unlock();
    panicPlainError("close of closed channel");
  }
  __atomic_store_n(&c->closed, 1, __ATOMIC_RELEASE);
  // Every waiter wakes: receivers with the zero value, senders to panic.
  // Their Gs are collected (through schedlink: a parked G is in no run
  // queue) and readied after the unlock, newest first as gc's gList.
  G *glist = nullptr;
  auto collect = [&](Sudog *sg) {
    G *gp = sg->g;
    gp->param = sg;
    sg->success = false;
    gp->schedlink = glist;
    glist = gp;
  };
  while (Sudog *sg = c->recvq.dequeue()) {
    if (sg->elem) {
      clearElem(c, sg->elem);
      sg->elem = nullptr;
    }
    collect(sg);
  }
  while (Sudog *sg = c->sendq.dequeue()) {
    sg->elem = nullptr;
    collect(sg);
  }
  c->lock.unlock();
  while (G *gp = glist) {
    glist = gp->schedlink;
    gp->schedlink = nullptr;
    goready(gp);
  }
}

int64_t goChanlen(Hchan *c) { return c ? int64_t(__atomic_load_n(&c->qcount, __ATOMIC_RELAXED)) : 0; }

int64_t goChancap(Hchan *c) { return c ? int64_t(c->dataqsiz) : 0; }

SelectResult goSelectgo(Scase *cases, uint16_t *order, int64_t nsends, int64_t nrecvs, bool block) {
  return selectgo(cases, order, int(nsends), int(nrecvs), block);
}

void goBlock() { parkForever("select (no cases)"); }

} // extern "C"
