package main

var n int
var z float64

func init() { println("init") }

func f(a, b int) int { return a / b }

func main() {
	println("hi", 42, -7, true, false, uint64(18446744073709551615), -9223372036854775808)
	println(1.5, complex(1, 2), 0.0, -1e300, 1e-310, 123456789.0, 0.1, 9.9999999)
	println(z/z, 1/z, -1/z, -z, (*int)(nil))
	println(f(7, n))
}
