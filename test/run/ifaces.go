// Interfaces: conversions of basic and named values, method calls through
// itabs (value receivers on boxed and pointer-shaped types, the (*T).M
// wrappers), assertions to concrete and interface types with and without
// ok, type switches (nil, several types per case, default, the bound
// variable), == and != between interfaces and with concrete values,
// interface-typed parameters, results, globals and slice elements.
package main

type Shape interface {
	Area() int
	Name() string
}

type Namer interface{ Name() string }

type Sq int

func (s Sq) Area() int    { return int(s) * int(s) }
func (s Sq) Name() string { return "square" }

type Label string

func (l Label) Name() string { return "label " + string(l) }

type Temp float64

func (t Temp) Name() string { return "temp" }
func (t Temp) Area() int    { return int(t) }

type Fn func(int) int

func (f Fn) Name() string { return "fn" }

var global Shape = Sq(7)
var anyGlobal interface{}

func describe(x interface{}) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case int, int64:
		return "integer"
	case string:
		return "string " + v
	case Shape:
		return "shape " + v.Name()
	case Namer:
		return "namer " + v.Name()
	case bool:
		if v {
			return "true"
		}
		return "false"
	default:
		return "other"
	}
}

func total(shapes []Shape) int {
	n := 0
	for _, s := range shapes {
		n += s.Area()
	}
	return n
}

func pick(big bool) Shape {
	if big {
		return Sq(10)
	}
	return Temp(2.5)
}

func names(xs ...Namer) string {
	s := ""
	for _, x := range xs {
		s += x.Name() + ";"
	}
	return s
}

func main() {
	var s Shape = Sq(3)
	println(s.Area(), s.Name())
	s = Temp(4.75)
	println(s.Area(), s.Name())
	println(global.Area(), pick(true).Area(), pick(false).Name())

	// Conversion between interface types.
	var n Namer = s
	println(n.Name())
	n = Label("x")
	println(n.Name())
	var e interface{} = n
	println(describe(e))
	n2, ok := e.(Shape)
	println(n2 == nil, ok)
	n3, ok := e.(Namer)
	println(n3.Name(), ok)

	// Concrete assertions.
	e = 42
	k, ok := e.(int)
	println(k, ok)
	str, ok := e.(string)
	println(str == "", ok)
	println(e.(int) + 1)
	e = "go"
	println(e.(string) + "pher")

	// Type switches.
	println(describe(nil), describe(1), describe(int64(2)), describe("x"), describe(Sq(2)))
	println(describe(Label("l")), describe(true), describe(false), describe(1.5))
	var f Fn = func(x int) int { return x * 2 }
	println(describe(f))
	var fe interface{} = f
	println(fe.(Fn)(21))

	// Comparisons.
	var a, b interface{} = 1, 1
	println(a == b, a != b, a == 1, 1 == a, a == 2, a != "1")
	b = int64(1)
	println(a == b)
	var t1, t2 Shape = Sq(3), Sq(3)
	println(t1 == t2, t1 == Shape(Sq(4)), t1 == Shape(Temp(3)), t1 != nil)
	var none Shape
	println(none == nil, none != nil, anyGlobal == nil)
	anyGlobal = "set"
	println(anyGlobal == "set", anyGlobal != nil)
	switch a {
	case "1":
		println("string one")
	case 1:
		println("int one")
	}

	// Slices and variadic parameters of interface type.
	shapes := []Shape{Sq(1), Sq(2), Temp(3.5)}
	shapes = append(shapes, Sq(4))
	println(len(shapes), total(shapes))
	println(names(Label("a"), Sq(1), Temp(0)))
	var es []interface{}
	es = append(es, 1, "two", Sq(3), nil)
	for i, x := range es {
		println(i, describe(x))
	}

	// Value methods through pointers (the (*T).M wrappers).
	v := Sq(6)
	var sp Shape = &v
	println(sp.Area(), sp.Name())
	v = 8
	println(sp.Area())
	if p, ok := sp.(*Sq); ok {
		println(*p)
	}

	// A tagless switch compares an interface{} case with true.
	switch i := interface{}(true); {
	case i:
		println("i is true")
	default:
		println("i is not true")
	}
}
