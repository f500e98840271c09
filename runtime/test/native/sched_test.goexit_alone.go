package main

// sched_test goexit_alone: the main goroutine calls runtime.Goexit and the
// only other goroutine finishes: nothing is left to run.

import "runtime"

func main() {
	go func() {}()
	runtime.Goexit()
}
