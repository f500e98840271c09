// Integer division by zero panics with a runtime error, exit status 2.
package main

func div(a, b int) int {
	return a / b
}

func main() {
	println("before")
	println(div(10, 3))
	println(div(1, 0))
	println("not reached")
}
