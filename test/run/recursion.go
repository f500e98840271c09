// Calls and recursion: factorial, Fibonacci, Ackermann and mutual recursion.
package main

func fact(n int64) int64 {
	if n <= 1 {
		return 1
	}
	return n * fact(n-1)
}

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func ack(m, n int) int {
	if m == 0 {
		return n + 1
	}
	if n == 0 {
		return ack(m-1, 1)
	}
	return ack(m-1, ack(m, n-1))
}

func isEven(n int) bool {
	if n == 0 {
		return true
	}
	return isOdd(n - 1)
}

func isOdd(n int) bool {
	if n == 0 {
		return false
	}
	return isEven(n - 1)
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func main() {
	println(fact(20), fact(21))
	println(fib(25))
	println(ack(2, 3), ack(3, 3))
	println(isEven(100), isOdd(7), isEven(7))
	println(gcd(1071, 462))
}
