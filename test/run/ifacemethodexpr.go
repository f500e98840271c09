// Method expressions: I.m(x, ...) calls through x's itab; (*T).m of a
// value method m calls the pkg.(*T).m wrapper with the pointer.
package main

type I interface{ M(k int) int }

type T int

func (t T) M(k int) int { return int(t) + k }

type S struct{ a, b int }

func (s S) M(k int) int { return s.a*k + s.b }

func apply(f func(I, int) int, x I) int { return f(x, 10) }

func main() {
	var i I = T(3)
	println(I.M(i, 4))
	i = S{2, 1}
	println(I.M(i, 4))
	t := T(5)
	println((*T).M(&t, 1), T.M(t, 2))
	s := S{3, 4}
	println((*S).M(&s, 2), S.M(s, 3))
	var e interface{ M(int) int } = &s
	println(e.M(1))
}
