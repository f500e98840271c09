// Boolean logic and short-circuit evaluation of && and ||.
package main

var calls int

func t(name string) bool {
	calls++
	println("t", name)
	return true
}

func f(name string) bool {
	calls++
	println("f", name)
	return false
}

func main() {
	println(f("a") && t("b"))
	println(t("c") || f("d"))
	println(t("e") && f("f") || t("g"))
	println(f("h") || f("i") && t("j"))
	println(!t("k"), !f("l"))
	x := 5
	ok := x > 3 && x < 10
	println(ok, x == 5 != false)
	println("calls", calls)
}
