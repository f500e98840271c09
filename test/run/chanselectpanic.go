package main

// An unrecovered send on a closed channel: gc's report.

func main() {
	c := make(chan int, 1)
	close(c)
	c <- 1
}
