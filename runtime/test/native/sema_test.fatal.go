package main

// sema_test fatal: sync.fatal, as sync.RWMutex.Unlock of an unlocked
// RWMutex calls it.

import "sync"

func main() {
	var mu sync.RWMutex
	mu.Unlock()
}
