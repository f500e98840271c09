// Prime sieve: the classic pipeline of filter goroutines, one per prime
// found, each receiving from the previous one and sending on.
package main

const primes = 5000

func generate(ch chan<- int) {
	for i := 2; ; i++ {
		ch <- i
	}
}

func filter(in <-chan int, out chan<- int, prime int) {
	for {
		i := <-in
		if i%prime != 0 {
			out <- i
		}
	}
}

func main() {
	ch := make(chan int)
	go generate(ch)
	sum := 0
	for i := 0; i < primes; i++ {
		prime := <-ch
		sum += prime
		next := make(chan int)
		go filter(ch, next, prime)
		ch = next
	}
	println("sum of the first", primes, "primes:", sum)
}
