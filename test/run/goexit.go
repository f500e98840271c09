// runtime.Goexit runs the goroutine's deferred calls (recover returns nil
// in them) and ends only that goroutine; called by main, the program goes
// on until every other goroutine is done, then reports gc's deadlock.
package main

import "runtime"

func worker(done chan<- string) {
	defer func() {
		r := recover()
		println("worker deferred, recover() == nil:", r == nil)
		done <- "worker finished"
	}()
	defer println("worker: second defer")
	func() {
		defer println("inner deferred call runs too")
		runtime.Goexit()
	}()
	println("not reached")
}

func main() {
	done := make(chan string)
	go worker(done)
	println(<-done)
	release := make(chan bool)
	go func() {
		<-release // main's deferred call lets it go
		runtime.Gosched()
		println("last goroutine done")
	}()
	defer func() {
		println("main's deferred call")
		close(release)
	}()
	runtime.Goexit()
}
