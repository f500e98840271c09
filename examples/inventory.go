// An inventory of shapes: interfaces with dynamic dispatch and type
// switches, structs with methods, maps, sorting with a generic function,
// closures, and defer/recover turning a runtime error into a report.
package main

type Shape interface {
	Area() float64
	Name() string
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }

func (r Rect) Area() float64    { return r.W * r.H }
func (r Rect) Name() string     { return "rect" }
func (c *Circle) Area() float64 { return 3.14159 * c.R * c.R }
func (c *Circle) Name() string  { return "circle" }

// sortBy orders xs by key, ascending (insertion sort).
func sortBy[T any](xs []T, key func(T) float64) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && key(xs[j]) < key(xs[j-1]); j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}

func describe(s Shape) string {
	switch v := s.(type) {
	case Rect:
		if v.W == v.H {
			return "square"
		}
		return "rectangle"
	case *Circle:
		return "circle"
	}
	return "unknown"
}

// safeIndex recovers from an out-of-range index.
func safeIndex(xs []Shape, i int) (name string) {
	defer func() {
		if r := recover(); r != nil {
			name = "none (" + r.(error).Error() + ")"
		}
	}()
	return xs[i].Name()
}

func main() {
	shapes := []Shape{Rect{3, 4}, &Circle{1}, Rect{2, 2}, &Circle{0.5}}
	sortBy(shapes, func(s Shape) float64 { return s.Area() })
	counts := map[string]int{}
	total := 0.0
	for _, s := range shapes {
		counts[describe(s)]++
		total += s.Area()
		println(describe(s), s.Area())
	}
	println("squares:", counts["square"], "circles:", counts["circle"], "total:", total)
	println(safeIndex(shapes, 1))
	println(safeIndex(shapes, 9))
}
