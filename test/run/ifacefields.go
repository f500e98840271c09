// Interfaces inside structs and arrays: fields and elements of interface
// type, == of such structs and arrays (each interface compared by its
// dynamic type and value), structs holding interfaces boxed in interfaces.
package main

type Shape interface{ Area() int }
type Sq int

func (s Sq) Area() int { return int(s * s) }

type Box struct {
	label string
	shape Shape
	any   interface{}
}

type Grid [3]interface{}

func main() {
	b := Box{"a", Sq(2), 1.5}
	c := Box{"a", Sq(2), 1.5}
	println(b == c, b.shape.Area())
	c.any = "x"
	println(b == c)
	var g, h Grid
	g[0], h[0] = 1, 1
	g[2], h[2] = Sq(3), Sq(3)
	println(g == h)
	h[1] = true
	println(g == h)
	var e interface{} = b
	println(e == Box{"a", Sq(2), 1.5}, e.(Box).shape.Area())
	boxes := []Box{{"x", Sq(1), nil}, {"y", Sq(5), 2}}
	total := 0
	for _, bx := range boxes {
		total += bx.shape.Area()
	}
	println(total)
	var ge interface{} = g
	println(ge == Grid{1, nil, Sq(3)})
}
