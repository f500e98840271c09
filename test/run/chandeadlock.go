package main

// gc's deadlock report: every goroutine blocked, with its wait reason.

func main() {
	c := make(chan int)
	var nc chan int
	go func() { <-nc }()
	go func() { nc <- 1 }()
	go func() { select {} }()
	go func() {
		select {
		case <-c:
		case c <- 1:
		}
	}()
	go func() { c <- 1 }()
	println("waiting")
	<-make(chan bool)
}
