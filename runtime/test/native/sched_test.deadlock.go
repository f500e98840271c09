package main

// sched_test deadlock: main blocks and no goroutine can wake it.

func main() {
	c := make(chan int)
	go func() {}()
	<-c
}
