package main

// sched_test goroutine_panic: an index panic in goroutine 5 while main
// waits; nothing recovers it. Recorded with GOMAXPROCS=1 (record.sh
// inherits it): with more Ps gc hands out goroutine ids in per-P batches.

func f(i int) {
	a := []int{1, 2, 3}
	_ = a[i]
}

func main() {
	c := make(chan int)
	go f(5)
	<-c
}
