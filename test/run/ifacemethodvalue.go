// Method values of interfaces: x.m binds x when evaluated (a closure
// calling pkg.I.m-fm); I.m is the function pkg.I.m(x, ...).
package main

type I interface {
	M(k int) int
	Two() (int, string)
}

type T int

func (t T) M(k int) int          { return int(t) + k }
func (t T) Two() (int, string)   { return int(t), "two" }

func main() {
	var i I = T(3)
	f := i.M
	i = T(100)
	println(f(4), i.M(4))
	g := I.M
	println(g(i, 1), g(T(7), 1))
	h := i.Two
	a, b := h()
	println(a, b)
	fs := []func(int) int{f, i.M}
	for _, fn := range fs {
		println(fn(1))
	}
}
