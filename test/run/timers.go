// The upstream time package on the runtime's per-P timer heaps: Sleep,
// Timer (Stop before and after firing, Reset), After, AfterFunc, Ticker,
// many sleepers at once, and timers in select with channels. Only the
// order of events is printed, never a duration.
package main

import (
	"sync"
	"time"
)

func main() {
	t0 := time.Now()
	time.Sleep(20 * time.Millisecond)
	println("slept at least 20ms:", time.Since(t0) >= 20*time.Millisecond)

	// Every AfterFunc runs once, none of a stopped one. (Not their order:
	// each runs on a goroutine of its own, which may start in any order.)
	var mu sync.Mutex
	sum := 0
	var wg sync.WaitGroup
	for _, ms := range []int{30, 10, 20, 5} {
		wg.Add(1)
		ms := ms
		time.AfterFunc(time.Duration(ms)*time.Millisecond, func() {
			mu.Lock()
			sum += ms
			mu.Unlock()
			wg.Done()
		})
	}
	stopped := time.AfterFunc(time.Millisecond, func() { println("stopped AfterFunc ran") })
	println("stopped AfterFunc pending:", stopped.Stop())
	wg.Wait()
	println("AfterFunc sum:", sum)

	// Stop before firing reports true and the channel stays empty; Stop
	// after firing reports false; Reset rearms.
	tm := time.NewTimer(time.Hour)
	println("stop pending:", tm.Stop())
	tm.Reset(time.Millisecond)
	<-tm.C
	println("stop fired:", tm.Stop())

	// After in a select against a channel that never sends.
	never := make(chan int)
	select {
	case <-never:
		println("impossible")
	case <-time.After(5 * time.Millisecond):
		println("timeout")
	}

	// A ticker ticks until stopped.
	tk := time.NewTicker(2 * time.Millisecond)
	for i := 0; i < 5; i++ {
		<-tk.C
	}
	tk.Stop()
	println("ticks: 5")

	// A thousand goroutines sleeping at once, woken by their timers.
	start := time.Now()
	for i := 0; i < 1000; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			time.Sleep(time.Duration(i%10+1) * time.Millisecond)
		}(i)
	}
	wg.Wait()
	println("sleepers done, at least 10ms:", time.Since(start) >= 10*time.Millisecond)
}
