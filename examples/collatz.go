// collatz finds the starting number below one million with the longest
// Collatz sequence, using 64-bit arithmetic for the intermediate values.
package main

func steps(n int64) int {
	count := 0
	for n != 1 {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
		count++
	}
	return count
}

func main() {
	best, bestSteps := int64(1), 0
	for n := int64(1); n < 1000000; n++ {
		if s := steps(n); s > bestSteps {
			best, bestSteps = n, s
		}
	}
	println("longest below 1000000:", best, "with", bestSteps, "steps")
	println("steps(27) =", steps(27), "steps(97) =", steps(97))
}
