// Fields through a defined pointer type (type P *S): p.f is (*p).f.
package main

type S struct{ a, b int }
type P *S

func main() {
	var s S
	var p P = &s
	p.a = 3
	p.b = p.a + 1
	println(s.a, s.b, p.b)
}
