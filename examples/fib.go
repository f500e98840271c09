// fib prints the first Fibonacci numbers, computed iteratively and checked
// against the recursive definition for the small ones.
package main

func fibRec(n int) int {
	if n < 2 {
		return n
	}
	return fibRec(n-1) + fibRec(n-2)
}

func main() {
	a, b := 0, 1
	for i := 0; i <= 90; i++ {
		if i <= 20 && fibRec(i) != a {
			println("mismatch at", i)
			return
		}
		if i%10 == 0 || i > 85 {
			println("fib(", i, ") =", a)
		}
		a, b = b, a+b
	}
}
