// Hot split: a goroutine recurses to a depth, then calls a small function
// in a loop many times; with segmented stacks the calls sit right at a
// segment boundary at some depth, the case the per-P segment cache exists
// for. Every depth from 0 to 600 is tried, so one of them is the boundary.
package main

const calls = 1000000

//go:noinline
func leaf(x int) int { return x*3 + 1 }

func loop(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += leaf(i)
	}
	return s
}

func dive(depth, n int) int {
	var pad [8]int // some frame, as real code has
	pad[depth&7] = depth
	if depth == 0 {
		return loop(n) + pad[0]
	}
	// Not an accumulation LLVM could turn into a loop: real recursion.
	return (dive(depth-1, n)+pad[depth&7]-depth)*3%1000003
}

func main() {
	done := make(chan int)
	go func() {
		s := 0
		for d := 0; d <= 600; d++ {
			s += dive(d, calls) & 0xffff
		}
		done <- s
	}()
	println("checksum:", <-done)
}
