// Defer statements beyond gc's open-coding limits (more than 8, in loops,
// with goto: records), in branches, of variadic calls (arguments packed at
// the defer statement) and of calls with several results.
package main

func p(i int) { print(i, " ") }

func many() {
	defer println()
	defer p(1)
	defer p(2)
	defer p(3)
	defer p(4)
	defer p(5)
	defer p(6)
	defer p(7)
	defer p(8)
	defer p(9)
}

func mixed(n int) (r int) {
	defer println("first")
	for i := 0; i < n; i++ {
		defer p(i)
	}
	defer print("last ")
	return n
}

func withGoto() {
	i := 0
again:
	defer p(i)
	i++
	if i < 3 {
		goto again
	}
	defer print("goto: ")
}

func cond(b bool) {
	if b {
		defer println("b true")
	} else {
		defer println("b false")
	}
	defer print("cond ")
}

func variadic(xs ...int) {
	for _, x := range xs {
		print(x, " ")
	}
	println(len(xs))
}

func pair() (int, string) { return 1, "a" }

func misc() {
	xs := []int{1, 2}
	defer variadic(xs...)
	xs[0] = 10
	defer variadic(3, 4, 5)
	defer variadic()
	defer pair()
	var b bool = true
	defer println("bool", b, 2.5)
	b = false
}

func main() {
	many()
	println(mixed(3))
	withGoto()
	println()
	cond(true)
	cond(false)
	misc()
}
