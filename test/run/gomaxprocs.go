// runtime.GOMAXPROCS and NumCPU, with goroutines running while the number
// of Ps changes; Gosched; LockOSThread.
package main

import (
	"runtime"
	"sync"
	"sync/atomic"
)

func main() {
	n := runtime.GOMAXPROCS(0)
	println("default is NumCPU:", n == runtime.NumCPU())
	var count int64
	var wg sync.WaitGroup
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 20000; j++ {
				atomic.AddInt64(&count, 1)
				if j%100 == 0 {
					runtime.Gosched()
				}
			}
		}()
	}
	println("set 3, was default:", runtime.GOMAXPROCS(3) == n)
	println("set 1, was 3:", runtime.GOMAXPROCS(1) == 3)
	println("set 4, was 1:", runtime.GOMAXPROCS(4) == 1)
	wg.Wait()
	println("count:", count)

	done := make(chan bool)
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		for i := 0; i < 10; i++ {
			runtime.Gosched()
		}
		done <- true
	}()
	println("locked goroutine done:", <-done)
	for runtime.NumGoroutine() > 1 { // it still returns after its send
		runtime.Gosched()
	}
	println("goroutines left:", runtime.NumGoroutine())
}
