//===- runtime/chan.h - Channels and select ---------------------*- C++ -*-===//
///
/// \file
/// Go channels in gc 1.19's design (runtime/chan.go, select.go): an hchan
/// holds a ring buffer of elements and two wait queues of sudogs, the
/// goroutines blocked sending and receiving, each with the address of the
/// element it sends or receives into. A sender that finds a waiting
/// receiver copies its element straight into the receiver's slot (and the
/// other way round), so the buffer is only used when nobody waits.
///
/// Every operation on a channel holds the channel's lock; a goroutine that
/// blocks enqueues its sudog, then parks, and the lock is released on g0
/// after it parked (gopark's unlock callback), so a waker on another M can
/// never see a sudog whose goroutine is still running.
///
/// Compiled code calls the entry points below; elements are passed by
/// address, as gc does.
///
//===----------------------------------------------------------------------===//

#ifndef ORIGO_RUNTIME_CHAN_H
#define ORIGO_RUNTIME_CHAN_H

#include "runtime/abi.h"
#include "runtime/sched.h"
#include "runtime/spinlock.h"

#include <stddef.h>
#include <stdint.h>

namespace origo::rt {

struct Hchan;

/// A goroutine waiting on a channel (gc's sudog). A goroutine in a select
/// has one per case, linked by waitlink from G::waiting.
struct Sudog {
  G *g;
  Sudog *next; ///< in the channel's wait queue
  Sudog *prev;
  void *elem;  ///< the element sent, or where to receive (may be null)
  Sudog *waitlink;
  Hchan *c;
  bool isSelect; ///< part of a select: wakers must win G::selectDone first
  bool success;  ///< woken by a communication (false: by close)
};

/// A FIFO of sudogs (gc's waitq).
struct WaitQ {
  Sudog *first = nullptr;
  Sudog *last = nullptr;
  void enqueue(Sudog *s);
  /// The first sudog whose goroutine can still be woken, unlinked.
  Sudog *dequeue();
  /// Unlinks s if it is still queued.
  void remove(Sudog *s);
};

/// A channel (gc's hchan). qcount and dataqsiz come first: len and cap
/// could read them inline.
struct Hchan {
  uint64_t qcount;   ///< elements in the buffer
  uint64_t dataqsiz; ///< the buffer's capacity
  uint8_t *buf;
  const abi::Type *elemtype;
  uint64_t elemsize;
  uint64_t sendx; ///< where the next send goes in the ring
  uint64_t recvx; ///< where the next receive comes from
  uint32_t closed;
  WaitQ recvq;
  WaitQ sendq;
  SpinLock lock;
};

/// One case of a select as compiled code lays it out (gc's scase): the
/// channel (null: the case is never ready) and the element's address.
struct Scase {
  Hchan *c;
  void *elem;
};

/// selectgo's results: the chosen case (-1: none, with block false) and,
/// for a receive, whether a value was received (not a close).
struct SelectResult {
  int64_t index;
  bool recvOK;
};

} // namespace origo::rt

extern "C" {
/// make(chan T, size); panics "makechan: size out of range".
origo::rt::Hchan *goMakechan(const origo::abi::ChanType *t, int64_t size) ORIGO_GO_NAME("runtime.makechan");
/// c <- *elem.
void goChansend1(origo::rt::Hchan *c, const void *elem) ORIGO_GO_NAME("runtime.chansend1");
/// *elem = <-c (elem may be null: the value is dropped).
void goChanrecv1(origo::rt::Hchan *c, void *elem) ORIGO_GO_NAME("runtime.chanrecv1");
/// *elem, ok = <-c.
bool goChanrecv2(origo::rt::Hchan *c, void *elem) ORIGO_GO_NAME("runtime.chanrecv2");
void goClosechan(origo::rt::Hchan *c) ORIGO_GO_NAME("runtime.closechan");
int64_t goChanlen(origo::rt::Hchan *c) ORIGO_GO_NAME("runtime.chanlen");
int64_t goChancap(origo::rt::Hchan *c) ORIGO_GO_NAME("runtime.chancap");
/// A select of nsends send cases followed by nrecvs receive cases in
/// cases; order points to 2*(nsends+nrecvs) uint16 of scratch space.
/// LLVM result type `{ i64, i1 }` (only the low byte of recvOK is defined).
origo::rt::SelectResult goSelectgo(origo::rt::Scase *cases, uint16_t *order, int64_t nsends, int64_t nrecvs,
                                   bool block) ORIGO_GO_NAME("runtime.selectgo");
/// select {}: blocks forever.
void goBlock() ORIGO_GO_NAME("runtime.block");
}

#endif // ORIGO_RUNTIME_CHAN_H
