// Interface dispatch: a loop calling methods through interfaces over a
// mix of concrete types chosen pseudo-randomly at run time, so the calls
// cannot be devirtualized. Also type switches, type assertions and
// interface-to-interface conversions.
package main

const (
	shapes = 1000
	rounds = 240000
)

type Shape interface {
	Area() int
	Perimeter() int
	Scale(k int)
}

type Named interface {
	Name() string
}

type Rect struct{ w, h int }

func (r *Rect) Area() int      { return r.w * r.h }
func (r *Rect) Perimeter() int { return 2 * (r.w + r.h) }
func (r *Rect) Scale(k int)    { r.w = r.w*k%1000 + 1; r.h = r.h*k%1000 + 1 }
func (r *Rect) Name() string   { return "rect" }

type Square struct{ s int }

func (q *Square) Area() int      { return q.s * q.s }
func (q *Square) Perimeter() int { return 4 * q.s }
func (q *Square) Scale(k int)    { q.s = q.s*k%1000 + 1 }

type Circle struct{ r int }

func (c *Circle) Area() int      { return 3 * c.r * c.r }
func (c *Circle) Perimeter() int { return 6 * c.r }
func (c *Circle) Scale(k int)    { c.r = c.r*k%500 + 1 }
func (c *Circle) Name() string   { return "circle" }

type Triangle struct{ a, b, c int }

func (t *Triangle) Area() int      { return t.a * t.b / 2 }
func (t *Triangle) Perimeter() int { return t.a + t.b + t.c }
func (t *Triangle) Scale(k int) {
	t.a = t.a*k%700 + 1
	t.b = t.b*k%700 + 1
	t.c = t.c*k%700 + 1
}

// Poly is a value type: its methods have value receivers, so the
// interface holds a pointer to a copy and calls go through a wrapper.
type Poly struct{ n, side int }

func (p Poly) Area() int      { return p.n * p.side * p.side / 4 }
func (p Poly) Perimeter() int { return p.n * p.side }
func (p Poly) Scale(k int)    {} // a value receiver cannot scale
func (p Poly) Name() string   { return "poly" }

// Counter is a small non-pointer value stored directly in the interface.
type Counter int

func (c Counter) Area() int      { return int(c) }
func (c Counter) Perimeter() int { return int(c) * 2 }
func (c Counter) Scale(k int)    {}

type lcg struct{ state uint64 }

func (g *lcg) next() int {
	g.state = g.state*6364136223846793005 + 1442695040888963407
	return int(g.state >> 35)
}

func makeShapes(g *lcg) []Shape {
	s := make([]Shape, shapes)
	for i := range s {
		v := g.next()
		switch v % 6 {
		case 0:
			s[i] = &Rect{w: v%50 + 1, h: v%37 + 1}
		case 1:
			s[i] = &Square{s: v%40 + 1}
		case 2:
			s[i] = &Circle{r: v%30 + 1}
		case 3:
			s[i] = &Triangle{a: v%20 + 3, b: v%25 + 3, c: v%30 + 3}
		case 4:
			s[i] = Poly{n: v%8 + 3, side: v%10 + 1}
		default:
			s[i] = Counter(v % 100)
		}
	}
	return s
}

// total sums through the interface's method table.
func total(s []Shape) int {
	t := 0
	for _, x := range s {
		t += x.Area() - x.Perimeter()
	}
	return t
}

// names counts the shapes that also implement Named (an assertion to
// another interface) and sums their name lengths.
func names(s []Shape) int {
	n := 0
	for _, x := range s {
		if nm, ok := x.(Named); ok {
			n += len(nm.Name())
		}
	}
	return n
}

// kinds weighs each shape by its dynamic type (a type switch).
func kinds(s []Shape) int {
	k := 0
	for _, x := range s {
		switch v := x.(type) {
		case *Rect:
			k += v.w
		case *Square:
			k += 2 * v.s
		case *Circle:
			k += 3
		case Poly:
			k += v.n
		case Counter:
			k += int(v) & 7
		default:
			k++
		}
	}
	return k
}

func main() {
	g := &lcg{state: 7}
	s := makeShapes(g)
	sum := 0
	for r := 0; r < rounds; r++ {
		sum += total(s)
		if r%4 == 0 {
			sum += names(s)
			sum += kinds(s)
		}
		if r%64 == 0 {
			for i, x := range s {
				x.Scale(r + i)
			}
		}
		sum %= 1000000007
	}
	println("checksum:", sum)
}
