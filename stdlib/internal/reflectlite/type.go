// Package reflectlite is origo's replacement of the upstream
// internal/reflectlite: the small part of reflect that errors, sort and
// context use, read from origo's type descriptors (runtime/abi.h in the
// origo tree) rather than gc's.
package reflectlite

import "unsafe"

// A Kind represents the specific kind of type that a Type represents.
type Kind uint

const (
	Invalid Kind = iota
	Bool
	Int
	Int8
	Int16
	Int32
	Int64
	Uint
	Uint8
	Uint16
	Uint32
	Uint64
	Uintptr
	Float32
	Float64
	Complex64
	Complex128
	Array
	Chan
	Func
	Interface
	Map
	Pointer
	Slice
	String
	Struct
	UnsafePointer
)

const Ptr = Pointer

// Type is the representation of a Go type.
type Type interface {
	// Name returns the type's name within its package for a defined
	// type, "" for others.
	Name() string
	// PkgPath returns a defined type's package path, "" for others.
	PkgPath() string
	// Size returns the number of bytes needed to store a value.
	Size() uintptr
	// Kind returns the specific kind of this type.
	Kind() Kind
	// Implements reports whether the type implements the interface type u.
	Implements(u Type) bool
	// AssignableTo reports whether a value of the type is assignable to u.
	AssignableTo(u Type) bool
	// Comparable reports whether values of this type are comparable.
	Comparable() bool
	// String returns a string representation of the type.
	String() string
	// Elem returns a type's element type; it panics if the type's Kind
	// is not Array, Chan, Map, Pointer, or Slice.
	Elem() Type
	common() *rtype
	uncommon() *uncommonType
}

// goString is a string's layout.
type goString struct {
	data unsafe.Pointer
	len  int
}

// rtype is the common header of a type descriptor (abi.h: Type).
type rtype struct {
	size       uintptr
	ptrdata    uintptr
	hash       uint32
	tflag      uint8
	align      uint8
	fieldAlign uint8
	kind       uint8
	equal      unsafe.Pointer
	gcdata     *byte
	str        string
	ptrToThis  *rtype
	uncommonp  *uncommonType
}

const (
	kindDirectIface = 1 << 5
	kindMask        = (1 << 5) - 1
	tflagNamed      = 1 << 2
)

// method is an entry of a defined type's method set (abi.h: Method).
type method struct {
	name    string
	pkgpath string
	mtyp    *funcType
	ifn     unsafe.Pointer
	tfn     unsafe.Pointer
}

// uncommonType is abi.h's UncommonType.
type uncommonType struct {
	pkgpath string
	methods *method
	mcount  uint16
	xcount  uint16
	_       uint32
}

func (u *uncommonType) methodList() []method {
	if u == nil || u.mcount == 0 {
		return nil
	}
	return unsafe.Slice(u.methods, int(u.mcount))
}

type ptrType struct {
	rtype
	elem *rtype
}

type sliceType struct {
	rtype
	elem *rtype
}

type arrayType struct {
	rtype
	elem  *rtype
	slice *rtype
	len   uintptr
}

type chanType struct {
	rtype
	elem *rtype
	dir  uintptr
}

type mapType struct {
	rtype
	key  *rtype
	elem *rtype
}

type funcType struct {
	rtype
	inCount  uint16
	outCount uint16
	variadic uint8
	_        [3]uint8
	params   unsafe.Pointer
}

// imethod is an interface's method (abi.h: IMethod).
type imethod struct {
	name    string
	pkgpath string
	typ     *funcType
}

type interfaceType struct {
	rtype
	pkgpath string
	methods *imethod
	mcount  uintptr
}

func (t *interfaceType) methodList() []imethod {
	if t.mcount == 0 {
		return nil
	}
	return unsafe.Slice(t.methods, int(t.mcount))
}

func (t *rtype) common() *rtype { return t }

func (t *rtype) uncommon() *uncommonType { return t.uncommonp }

func (t *rtype) Kind() Kind { return Kind(t.kind & kindMask) }

func (t *rtype) Size() uintptr { return t.size }

func (t *rtype) String() string { return t.str }

func (t *rtype) Comparable() bool { return t.equal != nil }

func (t *rtype) Name() string {
	if t.tflag&tflagNamed == 0 {
		return ""
	}
	s := t.str
	i := len(s) - 1
	sqBrackets := 0
	for i >= 0 && (s[i] != '.' || sqBrackets != 0) {
		switch s[i] {
		case ']':
			sqBrackets++
		case '[':
			sqBrackets--
		}
		i--
	}
	return s[i+1:]
}

func (t *rtype) PkgPath() string {
	if t.tflag&tflagNamed == 0 || t.uncommonp == nil {
		return ""
	}
	return t.uncommonp.pkgpath
}

func (t *rtype) Elem() Type {
	switch t.Kind() {
	case Array:
		return toType((*arrayType)(unsafe.Pointer(t)).elem)
	case Chan:
		return toType((*chanType)(unsafe.Pointer(t)).elem)
	case Map:
		return toType((*mapType)(unsafe.Pointer(t)).elem)
	case Pointer:
		return toType((*ptrType)(unsafe.Pointer(t)).elem)
	case Slice:
		return toType((*sliceType)(unsafe.Pointer(t)).elem)
	}
	panic("reflect: Elem of invalid type " + t.String())
}

func (t *rtype) Implements(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.Implements")
	}
	if u.Kind() != Interface {
		panic("reflect: non-interface type passed to Type.Implements")
	}
	return implements(u.common(), t)
}

func (t *rtype) AssignableTo(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.AssignableTo")
	}
	uu := u.common()
	return directlyAssignable(uu, t) || implements(uu, t)
}

// toType keeps a nil *rtype a nil Type.
func toType(t *rtype) Type {
	if t == nil {
		return nil
	}
	return t
}

// implements reports whether T implements the interface type iface: every
// method of iface, matched by name, package path and signature (signature
// descriptors are unique, so identical signatures are equal pointers).
// Both method lists are sorted the same way, so one merge pass suffices.
func implements(iface, T *rtype) bool {
	if iface.Kind() != Interface {
		return false
	}
	it := (*interfaceType)(unsafe.Pointer(iface))
	want := it.methodList()
	if len(want) == 0 {
		return true
	}
	if T.Kind() == Interface {
		have := (*interfaceType)(unsafe.Pointer(T)).methodList()
		j := 0
		for i := range want {
			for j < len(have) && !(have[j].name == want[i].name && have[j].pkgpath == want[i].pkgpath) {
				j++
			}
			if j == len(have) || have[j].typ != want[i].typ {
				return false
			}
		}
		return true
	}
	have := T.uncommonp.methodList()
	j := 0
	for i := range want {
		for j < len(have) && !(have[j].name == want[i].name && have[j].pkgpath == want[i].pkgpath) {
			j++
		}
		if j == len(have) || have[j].mtyp != want[i].typ {
			return false
		}
	}
	return true
}

// directlyAssignable reports whether a value of type V can be assigned to
// a variable of type T without conversion: identical types, or, when one
// of them is not named, identical underlying composite types (descriptors
// of identical unnamed types are one), or a bidirectional channel type to
// a directional one of the same element.
func directlyAssignable(T, V *rtype) bool {
	if T == V {
		return true
	}
	if T.tflag&tflagNamed != 0 && V.tflag&tflagNamed != 0 || T.Kind() != V.Kind() {
		return false
	}
	switch T.Kind() {
	case Pointer, Slice:
		return (*ptrType)(unsafe.Pointer(T)).elem == (*ptrType)(unsafe.Pointer(V)).elem
	case Array:
		at, av := (*arrayType)(unsafe.Pointer(T)), (*arrayType)(unsafe.Pointer(V))
		return at.elem == av.elem && at.len == av.len
	case Map:
		mt, mv := (*mapType)(unsafe.Pointer(T)), (*mapType)(unsafe.Pointer(V))
		return mt.key == mv.key && mt.elem == mv.elem
	case Chan:
		ct, cv := (*chanType)(unsafe.Pointer(T)), (*chanType)(unsafe.Pointer(V))
		return ct.elem == cv.elem && (ct.dir == cv.dir || cv.dir == 3)
	}
	return false
}

// TypeOf returns the dynamic type of i, or nil for a nil interface.
func TypeOf(i any) Type {
	e := (*emptyInterface)(unsafe.Pointer(&i))
	return toType(e.typ)
}

// emptyInterface is the layout of an interface{} value.
type emptyInterface struct {
	typ  *rtype
	word unsafe.Pointer
}

// nonEmptyInterface is the layout of an interface with methods: its
// first word is an itab, whose second word is the dynamic type.
type nonEmptyInterface struct {
	itab *itab
	word unsafe.Pointer
}

type itab struct {
	inter *interfaceType
	typ   *rtype
}
