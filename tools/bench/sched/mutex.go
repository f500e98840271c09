// Mutex contention: eight goroutines increment shared counters under one
// sync.Mutex.
package main

import "sync"

const (
	workers = 8
	perWork = 8000000
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	counts := make([]int, 16)
	total := 0
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < perWork; i++ {
				mu.Lock()
				counts[(w+i)&15]++
				total++
				mu.Unlock()
			}
		}(w)
	}
	wg.Wait()
	println("total:", total, "first bucket:", counts[0])
}
