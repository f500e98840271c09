package main

// A prime sieve pipeline and a fan-out/fan-in with unbuffered channels:
// the output order is fixed by the channel operations alone.

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

func square(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		for v := range in {
			out <- v * v
		}
		close(out)
	}()
	return out
}

func main() {
	ch := make(chan int)
	go generate(ch)
	for i := 0; i < 25; i++ {
		prime := <-ch
		print(prime, " ")
		ch1 := make(chan int)
		go filter(ch, ch1, prime)
		ch = ch1
	}
	println()

	src := make(chan int)
	go func() {
		for i := 0; i < 10; i++ {
			src <- i
		}
		close(src)
	}()
	total := 0
	for v := range square(square(src)) {
		total += v
	}
	println("total", total)

	// Results come back in order through per-job channels.
	results := make([]chan string, 5)
	for i := range results {
		results[i] = make(chan string, 1)
		go func(i int, r chan<- string) {
			r <- string(rune('a' + i))
		}(i, results[i])
	}
	for _, r := range results {
		print(<-r)
	}
	println()
}
