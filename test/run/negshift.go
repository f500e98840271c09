// A shift by a negative count panics, exit status 2.
package main

func shift(x int, s int) int {
	return x << s
}

func main() {
	println(shift(1, 4))
	println(shift(1, -1))
}
