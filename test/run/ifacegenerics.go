// Instances of generic types in interfaces: their methods (value and
// pointer receivers) are compiled where the instance is converted, itabs
// and method tables call them (the value methods through the
// pkg.(*List[int]).m wrappers), assertions and type switches tell
// instances apart.
package main

type Lener interface{ Len() int }
type Pusher interface {
	Push(v int)
	Len() int
}

type List[T any] struct {
	items []T
}

func (l List[T]) Len() int     { return len(l.items) }
func (l *List[T]) Push(v T)    { l.items = append(l.items, v) }

type Box[T any] struct{ v T }

func (b Box[T]) Get() T { return b.v }

type Getter[T any] interface{ Get() T }

func count(x Lener) int { return x.Len() }

func main() {
	l := List[int]{}
	l.Push(1)
	var p Pusher = &l
	p.Push(2)
	println(p.Len(), count(l), count(&l))
	var e interface{} = List[string]{[]string{"a"}}
	if ln, ok := e.(Lener); ok {
		println(ln.Len())
	}
	var g Getter[string] = Box[string]{"boxed"}
	println(g.Get())
	switch v := e.(type) {
	case List[int]:
		println("int list", v.Len())
	case List[string]:
		println("string list", v.Len())
	}
}
