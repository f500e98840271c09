// Method values bind their receiver when evaluated (main.T.M-fm
// wrappers), method expressions T.M and (*T).M, generic receivers.
package main

type Acc struct{ total int }

func (a *Acc) Add(x int) { a.total += x }

type Pt struct{ x, y int }

func (p Pt) Dist(k int) int { return (p.x + p.y) * k }

func (p Pt) Swap() Pt { return Pt{p.y, p.x} }

type Box[T any] struct{ v T }

func (b Box[T]) Get() T { return b.v }

func main() {
	a := &Acc{}
	f := a.Add
	f(3)
	f(4)
	println(a.total)
	p := Pt{1, 2}
	g := p.Dist
	p.x = 100
	println(g(10))
	h := Pt.Dist
	println(h(Pt{3, 4}, 2))
	k := (*Acc).Add
	k(a, 5)
	println(a.total)
	sw := p.Swap
	q := sw()
	println(q.x, q.y)
	b := Box[string]{"boxed"}
	get := b.Get
	println(get())
}
