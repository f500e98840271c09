// Func values: functions as values and arguments, returned from
// functions, nil func values, and function literals that capture nothing
// (compiled as main.main.func1, ...), called directly or through values.
package main

func add(a, b int) int { return a + b }
func mul(a, b int) int { return a * b }

func apply(f func(int, int) int, x, y int) int { return f(x, y) }

func pick(op string) func(int, int) int {
	switch op {
	case "+":
		return add
	case "*":
		return mul
	}
	return nil
}

func twice(f func(string) string) func(string) string {
	return f
}

func main() {
	println(apply(add, 3, 4), apply(mul, 3, 4))
	f := pick("*")
	println(f(6, 7), pick("+")(1, 2))
	sq := func(x int) int { return x * x }
	println(sq(9), apply(func(a, b int) int { return a - b }, 10, 3))
	g := twice(func(s string) string { return s + s })
	println(g("ab"))
	var h func(int, int) int
	println(h == nil, f != nil)
	func() {
		println("called directly")
		inner := func() bool { return true }
		println(inner())
	}()
}
