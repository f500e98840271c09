package main

// sched_test goexit_blocked: the main goroutine calls runtime.Goexit while
// the other goroutine blocks forever. (Recorded with GOMAXPROCS=1: with
// more Ps gc numbers that goroutine 5 or 17, by its per-P id caches.)

import "runtime"

func main() {
	c := make(chan int)
	go func() { <-c }()
	runtime.Goexit()
}
