// Ping-pong: two goroutines pass a counter back and forth over unbuffered
// channels; every hand-off is a blocking send meeting a blocked receiver.
package main

const rounds = 8000000

func main() {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	v := 0
	for i := 0; i < rounds; i++ {
		ping <- v
		v = <-pong
	}
	close(ping)
	println("final:", v)
}
