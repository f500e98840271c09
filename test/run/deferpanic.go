// A runtime error in a function with deferred calls, recovered by nobody:
// the deferred calls of every frame run (innermost first), then gc's
// report shows the stack where the panic started, lines included.
package main

func at(s []int, i int) int {
	defer println("at's deferred call")
	return s[i]
}

func sum(s []int) (n int) {
	defer println("sum's deferred call")
	for i := 0; i <= len(s); i++ {
		n += at(s, i)
	}
	return n
}

func main() {
	defer println("main's deferred call")
	println(sum([]int{1, 2, 3}))
}
