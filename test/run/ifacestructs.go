// Structs and arrays in interfaces: boxed copies (later changes to the
// variable do not show), value-receiver methods through the (*T).M
// wrappers that copy *p, pointer receivers, assertions (also comma-ok, to
// a zeroed temporary), type switches, == through generated equality
// functions, aggregate results of interface method calls.
package main

type Shape interface {
	Area() int
	Scale(k int) Shape
}

type Rect struct {
	w, h int
	name string
}

func (r Rect) Area() int { return r.w * r.h }
func (r Rect) Scale(k int) Shape { return Rect{r.w * k, r.h * k, r.name + "'"} }

type Circle struct{ r int }

func (c *Circle) Area() int { return 3 * c.r * c.r }
func (c *Circle) Scale(k int) Shape { return &Circle{c.r * k} }

type Pair [2]int

func (p Pair) Area() int { return p[0] * p[1] }
func (p Pair) Scale(k int) Shape { return Pair{p[0] * k, p[1] * k} }

type Point struct{ x, y int }

func main() {
	shapes := []Shape{Rect{2, 3, "r"}, &Circle{2}, Pair{4, 5}}
	for _, s := range shapes {
		println(s.Area(), s.Scale(2).Area())
	}
	r := Rect{1, 1, "a"}
	var s Shape = r
	r.w = 10
	println(s.Area(), r.Area())
	if rr, ok := s.(Rect); ok {
		println(rr.w, rr.h, rr.name)
	}
	_, ok := s.(Pair)
	println(ok)
	var e interface{} = Point{1, 2}
	println(e == Point{1, 2}, e == Point{2, 1}, e.(Point).y)
	switch v := e.(type) {
	case Rect:
		println("rect", v.w)
	case Point:
		println("point", v.x, v.y)
	}
	var sp Shape = &r
	println(sp.Area())
	p := e.(Point)
	p.x = 100
	println(e.(Point).x, p.x)
	var arr interface{} = [3]string{"a", "b", "c"}
	println(arr == [3]string{"a", "b", "c"}, arr.([3]string)[1])
	m := Rect{3, 3, "m"}
	var s2 Shape = m
	var s3 Shape = Rect{3, 3, "m"}
	println(s2 == s3)
}
