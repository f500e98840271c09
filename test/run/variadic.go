// Variadic functions: no, one or several extra arguments (packed into a
// new slice; none is a nil slice), s... passing a slice through, variadic
// func values and literals; slice literals.
package main

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func join(sep string, parts ...string) string {
	r := ""
	for i, p := range parts {
		if i > 0 {
			r += sep
		}
		r += p
	}
	return r
}

func count(xs ...float64) (int, bool) { return len(xs), xs == nil }

func main() {
	println(sum(), sum(1), sum(1, 2, 3))
	s := []int{4, 5, 6}
	println(sum(s...), sum(s[1:]...))
	println(join(", "), join("-", "a"), join(", ", "x", "y", "z"))
	n, isNil := count()
	println(n, isNil)
	f := sum
	println(f(10, 20))
	g := func(prefix string, xs ...int) int { return len(prefix) + len(xs) }
	println(g("ab", 1, 2, 3))
}
