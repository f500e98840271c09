// Structs and arrays: literals, fields, embedding, methods with value and
// pointer receivers, copies on assignment and calls, equality, globals.
package main

type Point struct {
	X, Y int
}

type Rect struct {
	Min, Max Point
	name     string
}

func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }

func (p *Point) Scale(k int) {
	p.X *= k
	p.Y *= k
}

func (r Rect) Area() int { return (r.Max.X - r.Min.X) * (r.Max.Y - r.Min.Y) }

type Named struct {
	Point
	tag string
}

var origin = Point{1, 2}
var grid [3][3]int

func swap(a, b Point) (Point, Point) { return b, a }

func modify(p Point) Point {
	p.X = 100
	return p
}

func main() {
	p := Point{3, 4}
	q := Point{Y: 10}
	r := p.Add(q)
	println(r.X, r.Y)
	r.Scale(2)
	println(r.X, r.Y)
	pp := &r
	pp.Scale(3)
	println(r.X, r.Y, pp.X)
	rect := Rect{Point{0, 0}, Point{4, 5}, "box"}
	println(rect.Area(), rect.name)
	n := Named{Point{7, 8}, "n"}
	println(n.X, n.Add(p).Y, n.tag)
	n.Scale(10)
	println(n.X, n.Y)
	a, b := swap(p, q)
	println(a.X, a.Y, b.X, b.Y)
	a, b = b, a
	println(a.X, a.Y, b.X, b.Y)
	m := modify(p)
	println(p.X, m.X)
	println(p == Point{3, 4}, p != q)
	var arr [5]int
	for i := range arr {
		arr[i] = i * i
	}
	sum := 0
	for _, v := range arr {
		sum += v
	}
	println(sum, len(arr))
	s := arr[1:4]
	s[0] = 42
	println(arr[1], len(s), cap(s))
	grid[1][2] = 5
	println(grid[1][2], origin.X, origin.Y)
	origin.Y = 9
	println(origin.Y)
	ps := []Point{{1, 2}, {3, 4}}
	ps = append(ps, Point{5, 6})
	for i, pt := range ps {
		println(i, pt.X, pt.Y)
	}
	ps[1].X = 33
	println(ps[1].X)
	np := &Point{8, 9}
	np.Y++
	println(np.Y)
	arr2 := [...]string{2: "c", 0: "a"}
	println(len(arr2), arr2[0], arr2[1] == "", arr2[2])
}
