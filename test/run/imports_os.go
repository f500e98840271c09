// Upstream os, syscall, internal/poll, io/fs, sync and strconv compiled
// from the Go tree: arguments, writes to standard output through an
// os.File, and os.Exit's status.
package main

import (
	"os"
	"strconv"
	"sync"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	total := 0
	for i := 1; i <= 10; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			mu.Lock()
			total += i
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	os.Stdout.WriteString("args " + strconv.Itoa(len(os.Args)) + " total " + strconv.Itoa(total) + "\n")
	os.Exit(3)
}
