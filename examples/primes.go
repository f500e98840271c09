// primes counts the primes below a few limits by trial division and prints
// the twin primes below 200.
package main

func isPrime(n int) bool {
	if n < 2 {
		return false
	}
	for d := 2; d*d <= n; d++ {
		if n%d == 0 {
			return false
		}
	}
	return true
}

func countBelow(limit int) int {
	count := 0
	for n := 2; n < limit; n++ {
		if isPrime(n) {
			count++
		}
	}
	return count
}

func main() {
	for limit := 10; limit <= 100000; limit *= 10 {
		println("primes below", limit, ":", countBelow(limit))
	}
	for p := 3; p+2 < 200; p += 2 {
		if isPrime(p) && isPrime(p+2) {
			print("(", p, ",", p+2, ") ")
		}
	}
	println()
}
