package main

// Growable stacks in goroutines: one million frames in a goroutine other
// than main, then 1,000 goroutines each 10,000 frames deep at the same time
// (each waits at the bottom of its recursion until all have arrived), and
// a hot split: the same call crossing a segment boundary in a loop.

func rec(n int, arrived, wait chan int) int {
	if n == 0 {
		if wait != nil {
			arrived <- n
			return <-wait
		}
		return 1
	}
	return rec(n-1, arrived, wait)*3%1000003 + 1
}

//go:noinline
func leaf(i int) int { return i*5%7 + 1 }

// edge recurses to depth d and then calls leaf many times from there.
func edge(d int) int {
	if d == 0 {
		s := 0
		for i := 0; i < 100000; i++ {
			s += leaf(i)
		}
		return s
	}
	return edge(d-1)*3%1000003 + 1
}

func main() {
	done := make(chan int)
	go func() { done <- rec(1000000, nil, nil) }()
	println("one goroutine:", <-done)

	const n = 1000
	arrived := make(chan int, n)
	release := make(chan int)
	results := make(chan int, n)
	for i := 0; i < n; i++ {
		go func() { results <- rec(10000, arrived, release) }()
	}
	for i := 0; i < n; i++ {
		<-arrived
	}
	for i := 0; i < n; i++ {
		release <- i % 3
	}
	sum := 0
	for i := 0; i < n; i++ {
		sum += <-results
	}
	println("many goroutines:", sum)

	s := 0
	for d := 0; d < 300; d += 7 {
		s += edge(d)
	}
	println("hot split:", s)
}
