// The upstream sync and sync/atomic packages compiled from the Go tree:
// Mutex, RWMutex, WaitGroup, Once, Cond, Pool, Map and the atomic
// operations (LLVM atomics), used by many goroutines.
package main

import (
	"sync"
	"sync/atomic"
)

func main() {
	// Mutex and WaitGroup: 8 goroutines, 1000 increments each.
	var mu sync.Mutex
	var wg sync.WaitGroup
	count := 0
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				mu.Lock()
				count++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	println("mutex", count)

	// Atomics.
	var n int32
	var u uint64
	var p atomic.Pointer[int]
	var v atomic.Value
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 500; i++ {
				atomic.AddInt32(&n, 2)
				atomic.AddUint64(&u, 1)
			}
		}(g)
	}
	wg.Wait()
	x := 42
	p.Store(&x)
	v.Store("hello")
	println("atomic", atomic.LoadInt32(&n), atomic.LoadUint64(&u), *p.Load(), v.Load().(string),
		atomic.CompareAndSwapInt32(&n, 4000, 1), atomic.CompareAndSwapInt32(&n, 4000, 2), atomic.SwapInt32(&n, 9), n)
	var ai atomic.Int64
	ai.Add(5)
	println("typed", ai.Load(), ai.CompareAndSwap(5, 6), ai.Load())

	// RWMutex: readers share, a writer excludes.
	var rw sync.RWMutex
	shared := map[string]int{}
	for g := 0; g < 4; g++ {
		wg.Add(2)
		go func(g int) {
			defer wg.Done()
			rw.Lock()
			shared[string(rune('a'+g))] = g
			rw.Unlock()
		}(g)
		go func() {
			defer wg.Done()
			rw.RLock()
			_ = len(shared)
			rw.RUnlock()
		}()
	}
	wg.Wait()
	println("rwmutex", len(shared), shared["c"])

	// Once.
	var once sync.Once
	calls := 0
	for i := 0; i < 5; i++ {
		once.Do(func() { calls++ })
	}
	println("once", calls)

	// Cond: a producer signals waiting consumers.
	var cmu sync.Mutex
	cond := sync.NewCond(&cmu)
	queue := []int{}
	done := make(chan int)
	for c := 0; c < 3; c++ {
		go func() {
			cmu.Lock()
			for len(queue) == 0 {
				cond.Wait()
			}
			item := queue[0]
			queue = queue[1:]
			cmu.Unlock()
			done <- item
		}()
	}
	sum := 0
	for i := 1; i <= 3; i++ {
		cmu.Lock()
		queue = append(queue, i*10)
		cmu.Unlock()
		cond.Signal()
	}
	for i := 0; i < 3; i++ {
		sum += <-done
	}
	cond.Broadcast()
	println("cond", sum)

	// Pool.
	pool := sync.Pool{New: func() any { return new([64]byte) }}
	b := pool.Get().(*[64]byte)
	b[0] = 7
	pool.Put(b)
	println("pool", pool.Get().(*[64]byte) != nil)

	// Map.
	var m sync.Map
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			m.Store(i, i*i)
		}(i)
	}
	wg.Wait()
	total := 0
	m.Range(func(k, v any) bool {
		total += v.(int)
		return true
	})
	got, ok := m.Load(3)
	act, loaded := m.LoadOrStore(3, 0)
	m.Delete(3)
	_, ok2 := m.Load(3)
	println("map", total, got.(int), ok, act.(int), loaded, ok2)
}
