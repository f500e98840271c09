// var declarations, :=, assignment and tuple assignment.
package main

var global int = 40

var g1, g2 = 1, "two"

func main() {
	var a int
	var b int64 = 9
	var s string
	var t bool
	println(a, b, s == "", t)
	c := 3
	d, e := "x", true
	println(c, d, e)
	a = global + 2
	println(a, g1, g2)
	x, y := 1, 2
	x, y = y, x
	println(x, y)
	x, y, c = y+c, x*10, x
	println(x, y, c)
	a += 5
	a -= 2
	a *= 3
	a /= 4
	a %= 7
	println(a)
	a <<= 3
	a |= 5
	a &= 0x2d
	a ^= 0xff
	a &^= 0x10
	a >>= 1
	println(a)
	c++
	c--
	c++
	println(c)
	var _ = c
	_, z := 5, 6
	println(z)
}
