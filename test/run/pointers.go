// Pointers to basic types: &x of locals (which then live on the heap,
// one variable per execution of the declaration) and globals, new(T),
// loads and stores through pointers, pointer comparison.
package main

var g int = 5

func inc(p *int) { *p = *p + 1 }

func counter() *int {
	c := 10
	return &c
}

func swap(a, b *string) { *a, *b = *b, *a }

func main() {
	x := 1
	p := &x
	inc(p)
	inc(&x)
	println(x, *p, p == &x, p != nil)
	q := counter()
	r := counter()
	inc(q)
	println(*q, *r, q == r)
	s, t := "left", "right"
	swap(&s, &t)
	println(s, t)
	inc(&g)
	println(g)
	n := new(float64)
	*n += 2.5
	println(*n)
	b := new(bool)
	*b = !*b
	println(*b)
	for i := 0; i < 3; i++ {
		v := i
		ps := &v
		*ps *= 10
		println(v)
	}
	var np *int
	println(np == nil)
}
