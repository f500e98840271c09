package reflectlite

import "unsafe"

// Value is the reflection interface to a Go value.
type Value struct {
	typ  *rtype
	ptr  unsafe.Pointer // the value itself when flagIndir is clear (a pointer-shaped value)
	flag flag
}

type flag uintptr

const (
	flagIndir flag = 1 << iota // ptr points at the value
	flagAddr                   // the value is addressable (reached through a pointer)
	flagRO                     // obtained through an unexported field
)

// A ValueError occurs when a Value method is invoked on a Value that
// does not support it.
type ValueError struct {
	Method string
	Kind   Kind
}

func (e *ValueError) Error() string {
	if e.Kind == 0 {
		return "reflect: call of " + e.Method + " on zero Value"
	}
	return "reflect: call of " + e.Method + " on " + e.Kind.String() + " Value"
}

var kindNames = []string{
	Invalid:       "invalid",
	Bool:          "bool",
	Int:           "int",
	Int8:          "int8",
	Int16:         "int16",
	Int32:         "int32",
	Int64:         "int64",
	Uint:          "uint",
	Uint8:         "uint8",
	Uint16:        "uint16",
	Uint32:        "uint32",
	Uint64:        "uint64",
	Uintptr:       "uintptr",
	Float32:       "float32",
	Float64:       "float64",
	Complex64:     "complex64",
	Complex128:    "complex128",
	Array:         "array",
	Chan:          "chan",
	Func:          "func",
	Interface:     "interface",
	Map:           "map",
	Pointer:       "ptr",
	Slice:         "slice",
	String:        "string",
	Struct:        "struct",
	UnsafePointer: "unsafe.Pointer",
}

// String returns the name of k.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return kindNames[0]
}

// ValueOf returns a new Value initialized to the concrete value stored in
// the interface i. ValueOf(nil) returns the zero Value.
func ValueOf(i any) Value {
	if i == nil {
		return Value{}
	}
	e := (*emptyInterface)(unsafe.Pointer(&i))
	f := flag(0)
	if e.typ.kind&kindDirectIface == 0 {
		f = flagIndir
	}
	return Value{e.typ, e.word, f}
}

// IsValid reports whether v represents a value.
func (v Value) IsValid() bool { return v.typ != nil }

// Kind returns v's Kind (Invalid for the zero Value).
func (v Value) Kind() Kind {
	if v.typ == nil {
		return Invalid
	}
	return v.typ.Kind()
}

// Type returns v's type.
func (v Value) Type() Type {
	if v.typ == nil {
		panic(&ValueError{"reflectlite.Value.Type", Invalid})
	}
	return v.typ
}

// CanSet reports whether the value of v can be changed.
func (v Value) CanSet() bool { return v.flag&(flagAddr|flagRO) == flagAddr }

// pointer returns the word of a pointer-shaped value.
func (v Value) pointer() unsafe.Pointer {
	if v.flag&flagIndir != 0 {
		return *(*unsafe.Pointer)(v.ptr)
	}
	return v.ptr
}

// IsNil reports whether its argument v is nil; v must be a chan, func,
// interface, map, pointer, or slice value.
func (v Value) IsNil() bool {
	switch v.Kind() {
	case Chan, Func, Map, Pointer, UnsafePointer:
		return v.pointer() == nil
	case Interface, Slice:
		// Both start with the word that is nil exactly for a nil value.
		return *(*unsafe.Pointer)(v.ptr) == nil
	}
	panic(&ValueError{"reflectlite.Value.IsNil", v.Kind()})
}

// Elem returns the value that the interface v contains or that the
// pointer v points to.
func (v Value) Elem() Value {
	switch v.Kind() {
	case Interface:
		var e any
		if (*interfaceType)(unsafe.Pointer(v.typ)).mcount == 0 {
			e = *(*any)(v.ptr)
		} else {
			e = (any)(*(*interface{ M() })(v.ptr))
		}
		x := ValueOf(e)
		x.flag |= v.flag & flagRO
		return x
	case Pointer:
		p := v.pointer()
		if p == nil {
			return Value{}
		}
		tt := (*ptrType)(unsafe.Pointer(v.typ))
		return Value{tt.elem, p, flagIndir | flagAddr | v.flag&flagRO}
	}
	panic(&ValueError{"reflectlite.Value.Elem", v.Kind()})
}

// Len returns v's length; v must be an array, chan, map, slice or string.
func (v Value) Len() int {
	switch v.Kind() {
	case Slice, String:
		// Both hold their length in the second word.
		return (*[2]int)(v.ptr)[1]
	case Array:
		return int((*arrayType)(unsafe.Pointer(v.typ)).len)
	case Chan:
		return chanlen(v.pointer())
	case Map:
		return maplen(v.pointer())
	}
	panic(&ValueError{"reflect.Value.Len", v.Kind()})
}

// Set assigns x to the value v, which must be settable, as if by Go
// assignment: x's value must be assignable to v's type.
func (v Value) Set(x Value) {
	if v.flag&flagRO != 0 {
		panic("reflect: reflectlite.Value.Set using value obtained using unexported field")
	}
	if v.flag&flagAddr == 0 {
		panic("reflect: reflectlite.Value.Set using unaddressable value")
	}
	if x.typ == nil {
		panic(&ValueError{"reflectlite.Value.Set", Invalid})
	}
	if v.typ.Kind() == Interface {
		it := (*interfaceType)(unsafe.Pointer(v.typ))
		if !implements(v.typ, x.typ) {
			panic("reflect: reflectlite.Value.Set: value of type " + x.typ.String() + " is not assignable to type " + v.typ.String())
		}
		word := x.ptr
		if x.typ.kind&kindDirectIface == 0 {
			// The interface keeps its own copy.
			word = unsafe_New(x.typ)
			memmove(word, x.ptr, x.typ.size)
		} else if x.flag&flagIndir != 0 {
			word = *(*unsafe.Pointer)(x.ptr)
		}
		if x.typ.Kind() == Interface {
			// An interface value assigned to an interface: its dynamic value.
			v.Set(x.Elem())
			return
		}
		first := unsafe.Pointer(x.typ)
		if it.mcount != 0 {
			first = assertE2I(it, x.typ)
		}
		*(*[2]unsafe.Pointer)(v.ptr) = [2]unsafe.Pointer{first, word}
		return
	}
	if !directlyAssignable(v.typ, x.typ) {
		panic("reflect: reflectlite.Value.Set: value of type " + x.typ.String() + " is not assignable to type " + v.typ.String())
	}
	if x.flag&flagIndir != 0 {
		memmove(v.ptr, x.ptr, v.typ.size)
	} else {
		*(*unsafe.Pointer)(v.ptr) = x.ptr
	}
}

// memmove copies n bytes from src to dst.
func memmove(dst, src unsafe.Pointer, n uintptr) {
	if n == 0 {
		return
	}
	copy(unsafe.Slice((*byte)(dst), n), unsafe.Slice((*byte)(src), n))
}

// unsafe_New allocates a zeroed value of type t.
func unsafe_New(t *rtype) unsafe.Pointer {
	if t.size == 0 {
		return unsafe.Pointer(&zerobase)
	}
	b := make([]uint64, (t.size+7)/8)
	return unsafe.Pointer(&b[0])
}

var zerobase uint64

// The C++ runtime's entry points (runtime/README.md).
//
//go:linkname assertE2I runtime.assertE2I
func assertE2I(inter *interfaceType, t *rtype) unsafe.Pointer

//go:linkname chanlen runtime.chanlen
func chanlen(c unsafe.Pointer) int

//go:linkname maplen runtime.maplen
func maplen(m unsafe.Pointer) int
