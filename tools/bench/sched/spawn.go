// Spawn: one million goroutines, each blocks once on its own channel
// (all of them blocked at the same time), then is released and finishes.
package main

const goroutines = 1000000

func main() {
	start := make(chan struct{})
	done := make(chan int, 1024)
	for i := 0; i < goroutines; i++ {
		go func(i int) {
			<-start
			done <- i & 1
		}(i)
	}
	close(start)
	odd := 0
	for i := 0; i < goroutines; i++ {
		odd += <-done
	}
	println("finished:", goroutines, "odd:", odd)
}
