package main

// sema_test throw: sync.throw, as sync.Mutex.Unlock of an unlocked mutex
// calls it.

import "sync"

func main() {
	var mu sync.Mutex
	mu.Unlock()
}
