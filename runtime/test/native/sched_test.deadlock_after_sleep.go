package main

// sched_test deadlock_after_sleep: the deadlock happens only after a
// goroutine's sleep ends; it is not reported while the timer is pending.

import "time"

func main() {
	c := make(chan int)
	go func() {
		time.Sleep(20 * time.Millisecond)
		<-c
	}()
	<-c
}
