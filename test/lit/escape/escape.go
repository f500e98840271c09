// The escape dump of the conservative analysis: nothing in this program
// takes an address, so nothing moves to the heap.
// RUN: %origo build -stop-after=escape %s | FileCheck %s

package main

func main() {
	x := 1
	println(x)
}

// CHECK: # main: no variable escapes
