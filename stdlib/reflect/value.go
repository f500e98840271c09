package reflect

import (
	"math"
	"unsafe"
)

// Value is the reflection interface to a Go value.
type Value struct {
	typ *rtype
	// ptr is the value itself when flagIndir is clear (a pointer-shaped
	// value), else the address of the value.
	ptr unsafe.Pointer
	flag
}

type flag uintptr

const (
	flagIndir flag = 1 << iota // ptr points at the value
	flagAddr                   // the value is addressable
	flagRO                     // reached through an unexported field
)

// A ValueError occurs when a Value method is invoked on a Value that does
// not support it.
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

func (f flag) mustBeAssignable(what string) {
	if f&flagRO != 0 {
		panic("reflect: " + what + " using value obtained using unexported field")
	}
	if f&flagAddr == 0 {
		panic("reflect: " + what + " using unaddressable value")
	}
}

func (v Value) mustBe(k Kind, what string) {
	if v.Kind() != k {
		panic(&ValueError{what, v.Kind()})
	}
}

// ValueOf returns a new Value initialized to the concrete value stored in
// the interface i. ValueOf(nil) returns the zero Value.
func ValueOf(i any) Value {
	if i == nil {
		return Value{}
	}
	return unpackEface(i)
}

func unpackEface(i any) Value {
	e := (*emptyInterface)(unsafe.Pointer(&i))
	if e.typ == nil {
		return Value{}
	}
	f := flag(0)
	if e.typ.kind&kindDirectIface == 0 {
		f = flagIndir
	}
	return Value{e.typ, e.word, f}
}

// Zero returns a Value representing the zero value for the specified type.
func Zero(typ Type) Value {
	if typ == nil {
		panic("reflect: Zero(nil)")
	}
	t := typ.common()
	if t.kind&kindDirectIface != 0 {
		return Value{t, nil, 0}
	}
	return Value{t, unsafe_New(t), flagIndir}
}

// New returns a Value representing a pointer to a new zero value for the
// specified type.
func New(typ Type) Value {
	if typ == nil {
		panic("reflect: New(nil)")
	}
	t := typ.common()
	return Value{t.ptrTo(), unsafe_New(t), 0}
}

// NewAt returns a Value representing a pointer to a value of the
// specified type at p.
func NewAt(typ Type, p unsafe.Pointer) Value {
	return Value{typ.common().ptrTo(), p, 0}
}

// Indirect returns the value that v points to (v itself if it is not a
// pointer).
func Indirect(v Value) Value {
	if v.Kind() != Pointer {
		return v
	}
	return v.Elem()
}

// MakeSlice creates a new zero-initialized slice value for the specified
// slice type, length, and capacity.
func MakeSlice(typ Type, len, cap int) Value {
	if typ.Kind() != Slice {
		panic("reflect.MakeSlice of non-slice type")
	}
	if len < 0 || cap < 0 || len > cap {
		panic("reflect.MakeSlice: bad len or cap")
	}
	t := typ.common()
	s := &sliceHeader{makeslice(t.elem(), len, cap), len, cap}
	return Value{t, unsafe.Pointer(s), flagIndir}
}

// MakeMap creates a new map with the specified type.
func MakeMap(typ Type) Value { return MakeMapWithSize(typ, 0) }

// MakeMapWithSize creates a new map with the specified type and initial
// space for approximately n elements.
func MakeMapWithSize(typ Type, n int) Value {
	if typ.Kind() != Map {
		panic("reflect.MakeMapWithSize of non-map type")
	}
	t := typ.common()
	return Value{t, makemap(t, n, nil), 0}
}

type sliceHeader struct {
	Data unsafe.Pointer
	Len  int
	Cap  int
}

type stringHeader struct {
	Data unsafe.Pointer
	Len  int
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
		panic(&ValueError{"reflect.Value.Type", Invalid})
	}
	return v.typ
}

// CanAddr reports whether the value's address can be obtained with Addr.
func (v Value) CanAddr() bool { return v.flag&flagAddr != 0 }

// CanSet reports whether the value of v can be changed.
func (v Value) CanSet() bool { return v.flag&(flagAddr|flagRO) == flagAddr }

// CanInterface reports whether Interface can be used without panicking.
func (v Value) CanInterface() bool {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.CanInterface", Invalid})
	}
	return v.flag&flagRO == 0
}

// Addr returns a pointer value representing the address of v.
func (v Value) Addr() Value {
	if v.flag&flagAddr == 0 {
		panic("reflect.Value.Addr of unaddressable value")
	}
	return Value{v.typ.ptrTo(), v.ptr, v.flag & flagRO}
}

// UnsafeAddr returns a pointer to v's data.
func (v Value) UnsafeAddr() uintptr {
	if v.flag&flagAddr == 0 {
		panic("reflect.Value.UnsafeAddr of unaddressable value")
	}
	return uintptr(v.ptr)
}

// pointer is the word of a pointer-shaped value.
func (v Value) pointer() unsafe.Pointer {
	if v.flag&flagIndir != 0 {
		return *(*unsafe.Pointer)(v.ptr)
	}
	return v.ptr
}

// Interface returns v's current value as an interface{}.
func (v Value) Interface() any {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.Interface", Invalid})
	}
	if v.flag&flagRO != 0 {
		panic("reflect.Value.Interface: cannot return value obtained from unexported field or method")
	}
	return packEface(v)
}

func packEface(v Value) any {
	t := v.typ
	var i any
	e := (*emptyInterface)(unsafe.Pointer(&i))
	switch {
	case t.Kind() == Interface:
		// The interface it holds.
		if (*interfaceType)(unsafe.Pointer(t)).mcount == 0 {
			return *(*any)(v.ptr)
		}
		ni := (*nonEmptyInterface)(v.ptr)
		if ni.itab == nil {
			return nil
		}
		e.typ = ni.itab.typ
		e.word = ni.word
	case t.kind&kindDirectIface != 0:
		e.typ = t
		e.word = v.pointer()
	default:
		// An interface keeps its own copy.
		c := unsafe_New(t)
		typedmemmove(t, c, v.ptr)
		e.typ = t
		e.word = c
	}
	return i
}

// Bool returns v's underlying value.
func (v Value) Bool() bool {
	v.mustBe(Bool, "reflect.Value.Bool")
	return *(*bool)(v.ptr)
}

// Int returns v's underlying value as an int64.
func (v Value) Int() int64 {
	p := v.ptr
	switch v.Kind() {
	case Int:
		return int64(*(*int)(p))
	case Int8:
		return int64(*(*int8)(p))
	case Int16:
		return int64(*(*int16)(p))
	case Int32:
		return int64(*(*int32)(p))
	case Int64:
		return *(*int64)(p)
	}
	panic(&ValueError{"reflect.Value.Int", v.Kind()})
}

// Uint returns v's underlying value as a uint64.
func (v Value) Uint() uint64 {
	p := v.ptr
	switch v.Kind() {
	case Uint:
		return uint64(*(*uint)(p))
	case Uint8:
		return uint64(*(*uint8)(p))
	case Uint16:
		return uint64(*(*uint16)(p))
	case Uint32:
		return uint64(*(*uint32)(p))
	case Uint64:
		return *(*uint64)(p)
	case Uintptr:
		return uint64(*(*uintptr)(p))
	}
	panic(&ValueError{"reflect.Value.Uint", v.Kind()})
}

// Float returns v's underlying value as a float64.
func (v Value) Float() float64 {
	switch v.Kind() {
	case Float32:
		return float64(*(*float32)(v.ptr))
	case Float64:
		return *(*float64)(v.ptr)
	}
	panic(&ValueError{"reflect.Value.Float", v.Kind()})
}

// Complex returns v's underlying value as a complex128.
func (v Value) Complex() complex128 {
	switch v.Kind() {
	case Complex64:
		return complex128(*(*complex64)(v.ptr))
	case Complex128:
		return *(*complex128)(v.ptr)
	}
	panic(&ValueError{"reflect.Value.Complex", v.Kind()})
}

// String returns the string v's underlying value, as a string. Unlike the
// other getters, it does not panic if v's Kind is not String: it returns
// "<T Value>".
func (v Value) String() string {
	if v.Kind() == String {
		return *(*string)(v.ptr)
	}
	if v.Kind() == Invalid {
		return "<invalid Value>"
	}
	return "<" + v.Type().String() + " Value>"
}

// Bytes returns v's underlying value; v must be a slice of bytes or an
// addressable array of bytes.
func (v Value) Bytes() []byte {
	switch v.Kind() {
	case Slice:
		if v.typ.elem().Kind() != Uint8 {
			panic("reflect.Value.Bytes of non-byte slice")
		}
		return *(*[]byte)(v.ptr)
	case Array:
		if v.typ.elem().Kind() != Uint8 {
			panic("reflect.Value.Bytes of non-byte array")
		}
		if !v.CanAddr() {
			panic("reflect.Value.Bytes of unaddressable byte array")
		}
		return unsafe.Slice((*byte)(v.ptr), v.typ.Len())
	}
	panic(&ValueError{"reflect.Value.Bytes", v.Kind()})
}

// Pointer returns v's value as a uintptr.
func (v Value) Pointer() uintptr {
	switch v.Kind() {
	case Pointer, Chan, Map, UnsafePointer:
		return uintptr(v.pointer())
	case Func:
		// A func value is a closure pointer; its code is the first word.
		p := v.pointer()
		if p == nil {
			return 0
		}
		return uintptr(*(*unsafe.Pointer)(p))
	case Slice:
		return uintptr((*sliceHeader)(v.ptr).Data)
	}
	panic(&ValueError{"reflect.Value.Pointer", v.Kind()})
}

// UnsafePointer returns v's value as an unsafe.Pointer.
func (v Value) UnsafePointer() unsafe.Pointer { return unsafe.Pointer(v.Pointer()) }

// IsNil reports whether its argument v is nil.
func (v Value) IsNil() bool {
	switch v.Kind() {
	case Chan, Func, Map, Pointer, UnsafePointer:
		return v.pointer() == nil
	case Interface, Slice:
		return *(*unsafe.Pointer)(v.ptr) == nil
	}
	panic(&ValueError{"reflect.Value.IsNil", v.Kind()})
}

// IsZero reports whether v is the zero value for its type.
func (v Value) IsZero() bool {
	switch v.Kind() {
	case Bool:
		return !v.Bool()
	case Int, Int8, Int16, Int32, Int64:
		return v.Int() == 0
	case Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
		return v.Uint() == 0
	case Float32, Float64:
		return math.Float64bits(v.Float()) == 0
	case Complex64, Complex128:
		c := v.Complex()
		return math.Float64bits(real(c)) == 0 && math.Float64bits(imag(c)) == 0
	case String:
		return v.Len() == 0
	case Chan, Func, Interface, Map, Pointer, Slice, UnsafePointer:
		return v.IsNil()
	case Array:
		for i := 0; i < v.Len(); i++ {
			if !v.Index(i).IsZero() {
				return false
			}
		}
		return true
	case Struct:
		for i := 0; i < v.NumField(); i++ {
			if !v.Field(i).IsZero() {
				return false
			}
		}
		return true
	}
	panic(&ValueError{"reflect.Value.IsZero", v.Kind()})
}

// Elem returns the value that the interface v contains or that the
// pointer v points to.
func (v Value) Elem() Value {
	switch v.Kind() {
	case Interface:
		x := unpackEface(packEface(Value{v.typ, v.ptr, flagIndir}))
		if x.typ != nil {
			x.flag |= v.flag & flagRO
		}
		return x
	case Pointer:
		p := v.pointer()
		if p == nil {
			return Value{}
		}
		return Value{v.typ.elem(), p, flagIndir | flagAddr | v.flag&flagRO}
	}
	panic(&ValueError{"reflect.Value.Elem", v.Kind()})
}

// Len returns v's length.
func (v Value) Len() int {
	switch v.Kind() {
	case Slice:
		return (*sliceHeader)(v.ptr).Len
	case String:
		return (*stringHeader)(v.ptr).Len
	case Array:
		return v.typ.Len()
	case Chan:
		return chanlen(v.pointer())
	case Map:
		return maplen(v.pointer())
	case Pointer:
		if v.typ.elem().Kind() == Array {
			return v.typ.elem().Len()
		}
	}
	panic(&ValueError{"reflect.Value.Len", v.Kind()})
}

// Cap returns v's capacity.
func (v Value) Cap() int {
	switch v.Kind() {
	case Slice:
		return (*sliceHeader)(v.ptr).Cap
	case Array:
		return v.typ.Len()
	case Chan:
		return chancap(v.pointer())
	}
	panic(&ValueError{"reflect.Value.Cap", v.Kind()})
}

// NumField returns the number of fields in the struct v.
func (v Value) NumField() int {
	v.mustBe(Struct, "reflect.Value.NumField")
	return v.typ.NumField()
}

// Field returns the i'th field of the struct v.
func (v Value) Field(i int) Value {
	v.mustBe(Struct, "reflect.Value.Field")
	fs := (*structType)(unsafe.Pointer(v.typ)).fieldList()
	if uint(i) >= uint(len(fs)) {
		panic("reflect: Field index out of range")
	}
	f := &fs[i]
	fl := v.flag&(flagAddr|flagRO) | flagIndir
	if !isExportedName(f.name) {
		fl |= flagRO
	}
	p := unsafe.Add(v.ptr, f.offset)
	if v.flag&flagIndir == 0 {
		// A pointer-shaped struct held directly: its one field is the word.
		p = unsafe.Pointer(&v.ptr)
	}
	return Value{f.typ, p, fl}
}

// FieldByName returns the struct field with the given name.
func (v Value) FieldByName(name string) Value {
	v.mustBe(Struct, "reflect.Value.FieldByName")
	if f, ok := v.typ.FieldByName(name); ok {
		for j, i := range f.Index {
			if j > 0 && v.Kind() == Pointer {
				if v.IsNil() {
					panic("reflect: indirection through nil pointer to embedded struct")
				}
				v = v.Elem()
			}
			v = v.Field(i)
		}
		return v
	}
	return Value{}
}

// Index returns v's i'th element; v must be an array, slice, or string.
func (v Value) Index(i int) Value {
	switch v.Kind() {
	case Array:
		n := v.typ.Len()
		if uint(i) >= uint(n) {
			panic("reflect: array index out of range")
		}
		et := v.typ.elem()
		return Value{et, unsafe.Add(v.ptr, uintptr(i)*et.size), v.flag&(flagAddr|flagRO) | flagIndir}
	case Slice:
		s := (*sliceHeader)(v.ptr)
		if uint(i) >= uint(s.Len) {
			panic("reflect: slice index out of range")
		}
		et := v.typ.elem()
		return Value{et, unsafe.Add(s.Data, uintptr(i)*et.size), flagAddr | flagIndir | v.flag&flagRO}
	case String:
		s := (*stringHeader)(v.ptr)
		if uint(i) >= uint(s.Len) {
			panic("reflect: string index out of range")
		}
		b := new(byte)
		*b = *(*byte)(unsafe.Add(s.Data, i))
		return Value{TypeOf(byte(0)).common(), unsafe.Pointer(b), flagIndir | v.flag&flagRO}
	}
	panic(&ValueError{"reflect.Value.Index", v.Kind()})
}

// Slice returns v[i:j].
func (v Value) Slice(i, j int) Value {
	var base unsafe.Pointer
	var cap int
	var typ *rtype
	switch v.Kind() {
	case Array:
		if v.flag&flagAddr == 0 {
			panic("reflect.Value.Slice: slice of unaddressable array")
		}
		cap = v.typ.Len()
		base = v.ptr
		typ = (*arrayType)(unsafe.Pointer(v.typ)).slice
		if typ == nil {
			panic("reflect.Value.Slice: no slice type for " + v.typ.String())
		}
	case Slice:
		s := (*sliceHeader)(v.ptr)
		base, cap, typ = s.Data, s.Cap, v.typ
	case String:
		s := *(*string)(v.ptr)
		if i < 0 || j < i || j > len(s) {
			panic("reflect.Value.Slice: string slice index out of bounds")
		}
		t := new(string)
		*t = s[i:j]
		return Value{v.typ, unsafe.Pointer(t), flagIndir | v.flag&flagRO}
	default:
		panic(&ValueError{"reflect.Value.Slice", v.Kind()})
	}
	if i < 0 || j < i || j > cap {
		panic("reflect.Value.Slice: slice index out of bounds")
	}
	s := new(sliceHeader)
	s.Len = j - i
	s.Cap = cap - i
	if cap-i > 0 {
		s.Data = unsafe.Add(base, uintptr(i)*typ.elem().size)
	} else {
		s.Data = base
	}
	return Value{typ, unsafe.Pointer(s), flagIndir | v.flag&flagRO}
}

// Set assigns x to the value v, as if by Go assignment.
func (v Value) Set(x Value) {
	v.flag.mustBeAssignable("reflect.Set")
	if x.typ == nil {
		panic(&ValueError{"reflect.Set", Invalid})
	}
	if x.flag&flagRO != 0 {
		panic("reflect: reflect.Set using value obtained using unexported field")
	}
	if v.typ.Kind() == Interface {
		if !implements(v.typ, x.typ) {
			panic("reflect.Set: value of type " + x.typ.String() + " is not assignable to type " + v.typ.String())
		}
		e := packEface(x)
		ee := (*emptyInterface)(unsafe.Pointer(&e))
		it := (*interfaceType)(unsafe.Pointer(v.typ))
		first := unsafe.Pointer(ee.typ)
		if it.mcount != 0 && ee.typ != nil {
			first = assertE2I(it, ee.typ)
		}
		*(*[2]unsafe.Pointer)(v.ptr) = [2]unsafe.Pointer{first, ee.word}
		return
	}
	if !directlyAssignable(v.typ, x.typ) {
		panic("reflect.Set: value of type " + x.typ.String() + " is not assignable to type " + v.typ.String())
	}
	if x.flag&flagIndir != 0 {
		typedmemmove(v.typ, v.ptr, x.ptr)
	} else {
		*(*unsafe.Pointer)(v.ptr) = x.ptr
	}
}

func (v Value) settable(k Kind, what string) {
	v.flag.mustBeAssignable(what)
	if v.Kind() != k {
		panic(&ValueError{what, v.Kind()})
	}
}

// SetBool sets v's underlying value.
func (v Value) SetBool(x bool) {
	v.settable(Bool, "reflect.Value.SetBool")
	*(*bool)(v.ptr) = x
}

// SetInt sets v's underlying value to x.
func (v Value) SetInt(x int64) {
	v.flag.mustBeAssignable("reflect.Value.SetInt")
	switch v.Kind() {
	case Int:
		*(*int)(v.ptr) = int(x)
	case Int8:
		*(*int8)(v.ptr) = int8(x)
	case Int16:
		*(*int16)(v.ptr) = int16(x)
	case Int32:
		*(*int32)(v.ptr) = int32(x)
	case Int64:
		*(*int64)(v.ptr) = x
	default:
		panic(&ValueError{"reflect.Value.SetInt", v.Kind()})
	}
}

// SetUint sets v's underlying value to x.
func (v Value) SetUint(x uint64) {
	v.flag.mustBeAssignable("reflect.Value.SetUint")
	switch v.Kind() {
	case Uint:
		*(*uint)(v.ptr) = uint(x)
	case Uint8:
		*(*uint8)(v.ptr) = uint8(x)
	case Uint16:
		*(*uint16)(v.ptr) = uint16(x)
	case Uint32:
		*(*uint32)(v.ptr) = uint32(x)
	case Uint64:
		*(*uint64)(v.ptr) = x
	case Uintptr:
		*(*uintptr)(v.ptr) = uintptr(x)
	default:
		panic(&ValueError{"reflect.Value.SetUint", v.Kind()})
	}
}

// SetFloat sets v's underlying value to x.
func (v Value) SetFloat(x float64) {
	v.flag.mustBeAssignable("reflect.Value.SetFloat")
	switch v.Kind() {
	case Float32:
		*(*float32)(v.ptr) = float32(x)
	case Float64:
		*(*float64)(v.ptr) = x
	default:
		panic(&ValueError{"reflect.Value.SetFloat", v.Kind()})
	}
}

// SetComplex sets v's underlying value to x.
func (v Value) SetComplex(x complex128) {
	v.flag.mustBeAssignable("reflect.Value.SetComplex")
	switch v.Kind() {
	case Complex64:
		*(*complex64)(v.ptr) = complex64(x)
	case Complex128:
		*(*complex128)(v.ptr) = x
	default:
		panic(&ValueError{"reflect.Value.SetComplex", v.Kind()})
	}
}

// SetString sets v's underlying value to x.
func (v Value) SetString(x string) {
	v.settable(String, "reflect.Value.SetString")
	*(*string)(v.ptr) = x
}

// SetBytes sets v's underlying value.
func (v Value) SetBytes(x []byte) {
	v.settable(Slice, "reflect.Value.SetBytes")
	*(*[]byte)(v.ptr) = x
}

// SetLen sets v's length to n.
func (v Value) SetLen(n int) {
	v.settable(Slice, "reflect.Value.SetLen")
	s := (*sliceHeader)(v.ptr)
	if uint(n) > uint(s.Cap) {
		panic("reflect: slice length out of range in SetLen")
	}
	s.Len = n
}

// SetPointer sets the unsafe.Pointer value v to x.
func (v Value) SetPointer(x unsafe.Pointer) {
	v.settable(UnsafePointer, "reflect.Value.SetPointer")
	*(*unsafe.Pointer)(v.ptr) = x
}

// OverflowInt reports whether the int64 x cannot be represented by v's type.
func (v Value) OverflowInt(x int64) bool {
	switch v.Kind() {
	case Int, Int8, Int16, Int32, Int64:
		bitSize := v.typ.size * 8
		trunc := (x << (64 - bitSize)) >> (64 - bitSize)
		return x != trunc
	}
	panic(&ValueError{"reflect.Value.OverflowInt", v.Kind()})
}

// OverflowUint reports whether the uint64 x cannot be represented by v's type.
func (v Value) OverflowUint(x uint64) bool {
	switch v.Kind() {
	case Uint, Uintptr, Uint8, Uint16, Uint32, Uint64:
		bitSize := v.typ.size * 8
		trunc := (x << (64 - bitSize)) >> (64 - bitSize)
		return x != trunc
	}
	panic(&ValueError{"reflect.Value.OverflowUint", v.Kind()})
}

// OverflowFloat reports whether the float64 x cannot be represented by v's type.
func (v Value) OverflowFloat(x float64) bool {
	switch v.Kind() {
	case Float32:
		if x < 0 {
			x = -x
		}
		return math.MaxFloat32 < x && x <= math.MaxFloat64
	case Float64:
		return false
	}
	panic(&ValueError{"reflect.Value.OverflowFloat", v.Kind()})
}

// Convert returns the value v converted to type t, for the conversions
// between numeric types, to and from strings, and between types with
// identical underlying types.
func (v Value) Convert(t Type) Value {
	op := convertOp(t.common(), v.typ)
	if op == nil {
		panic("reflect.Value.Convert: value of type " + v.typ.String() + " cannot be converted to type " + t.String())
	}
	return op(v, t)
}

// CanConvert reports whether the value v can be converted to type t.
func (v Value) CanConvert(t Type) bool { return convertOp(t.common(), v.typ) != nil }

func convertOp(dst, src *rtype) func(Value, Type) Value {
	sk, dk := src.Kind(), dst.Kind()
	isInt := func(k Kind) bool { return k >= Int && k <= Int64 }
	isUint := func(k Kind) bool { return k >= Uint && k <= Uintptr }
	isFloat := func(k Kind) bool { return k == Float32 || k == Float64 }
	isComplex := func(k Kind) bool { return k == Complex64 || k == Complex128 }
	switch {
	case isInt(sk) && (isInt(dk) || isUint(dk)):
		return func(v Value, t Type) Value { return makeInt(uint64(v.Int()), t) }
	case isUint(sk) && (isInt(dk) || isUint(dk)):
		return func(v Value, t Type) Value { return makeInt(v.Uint(), t) }
	case isInt(sk) && isFloat(dk):
		return func(v Value, t Type) Value { return makeFloat(float64(v.Int()), t) }
	case isUint(sk) && isFloat(dk):
		return func(v Value, t Type) Value { return makeFloat(float64(v.Uint()), t) }
	case isFloat(sk) && isInt(dk):
		return func(v Value, t Type) Value { return makeInt(uint64(int64(v.Float())), t) }
	case isFloat(sk) && isUint(dk):
		return func(v Value, t Type) Value { return makeInt(uint64(v.Float()), t) }
	case isFloat(sk) && isFloat(dk):
		return func(v Value, t Type) Value { return makeFloat(v.Float(), t) }
	case isComplex(sk) && isComplex(dk):
		return func(v Value, t Type) Value {
			n := New(t).Elem()
			n.SetComplex(v.Complex())
			return Value{n.typ, n.ptr, flagIndir}
		}
	case (isInt(sk) || isUint(sk)) && dk == String:
		return func(v Value, t Type) Value {
			var r rune
			if isInt(sk) {
				r = rune(v.Int())
			} else {
				r = rune(v.Uint())
			}
			return makeString(string(r), t)
		}
	case sk == String && dk == Slice && dst.elem().Kind() == Uint8:
		return func(v Value, t Type) Value { return makeBytes([]byte(v.String()), t) }
	case sk == Slice && src.elem().Kind() == Uint8 && dk == String:
		return func(v Value, t Type) Value { return makeString(string(*(*[]byte)(v.ptr)), t) }
	case sk == String && dk == Slice && dst.elem().Kind() == Int32:
		return func(v Value, t Type) Value {
			rs := []rune(v.String())
			n := New(t).Elem()
			*(*[]rune)(n.ptr) = rs
			return Value{n.typ, n.ptr, flagIndir}
		}
	case sk == Slice && src.elem().Kind() == Int32 && dk == String:
		return func(v Value, t Type) Value { return makeString(string(*(*[]rune)(v.ptr)), t) }
	}
	if haveIdenticalUnderlying(dst, src, false) ||
		(dk == Pointer && sk == Pointer && dst.Name() == "" && src.Name() == "" &&
			haveIdenticalUnderlying(dst.elem(), src.elem(), false)) {
		return func(v Value, t Type) Value {
			return Value{t.common(), v.ptr, v.flag &^ flagAddr}
		}
	}
	if dk == Interface && implements(dst, src) {
		return func(v Value, t Type) Value {
			n := New(t).Elem()
			n.Set(v)
			return Value{n.typ, n.ptr, flagIndir}
		}
	}
	return nil
}

func makeInt(bits uint64, t Type) Value {
	n := New(t).Elem()
	if t.Kind() >= Int && t.Kind() <= Int64 {
		n.SetInt(int64(bits))
	} else {
		n.SetUint(bits)
	}
	return Value{n.typ, n.ptr, flagIndir}
}

func makeFloat(f float64, t Type) Value {
	n := New(t).Elem()
	n.SetFloat(f)
	return Value{n.typ, n.ptr, flagIndir}
}

func makeString(s string, t Type) Value {
	n := New(t).Elem()
	n.SetString(s)
	return Value{n.typ, n.ptr, flagIndir}
}

func makeBytes(b []byte, t Type) Value {
	n := New(t).Elem()
	*(*[]byte)(n.ptr) = b
	return Value{n.typ, n.ptr, flagIndir}
}

// Copy copies the contents of src into dst until either dst has been
// filled or src has been exhausted, and returns the number copied.
func Copy(dst, src Value) int {
	dk := dst.Kind()
	if dk != Array && dk != Slice {
		panic(&ValueError{"reflect.Copy", dk})
	}
	n := dst.Len()
	if m := src.Len(); m < n {
		n = m
	}
	et := dst.typ.elem()
	var dp, sp unsafe.Pointer
	if dk == Array {
		dp = dst.ptr
	} else {
		dp = (*sliceHeader)(dst.ptr).Data
	}
	switch src.Kind() {
	case Array:
		sp = src.ptr
	case Slice:
		sp = (*sliceHeader)(src.ptr).Data
	case String:
		sp = (*stringHeader)(src.ptr).Data
	}
	memmove(dp, sp, uintptr(n)*et.size)
	return n
}

// Append appends the values x to a slice s and returns the resulting slice.
func Append(s Value, x ...Value) Value {
	s.mustBe(Slice, "reflect.Append")
	n := s.Len()
	need := n + len(x)
	if need > s.Cap() {
		c := s.Cap() * 2
		if c < need {
			c = need
		}
		ns := MakeSlice(s.Type(), n, c)
		Copy(ns, s)
		s = ns
	}
	h := *(*sliceHeader)(s.ptr)
	h.Len = need
	out := Value{s.typ, unsafe.Pointer(&h), flagIndir}
	for i, v := range x {
		out.Index(n + i).Set(v)
	}
	return out
}

// MapIndex returns the value associated with key in the map v, or the
// zero Value if key is not found.
func (v Value) MapIndex(key Value) Value {
	v.mustBe(Map, "reflect.Value.MapIndex")
	tt := (*mapType)(unsafe.Pointer(v.typ))
	key = key.assignTo(tt.key)
	var k unsafe.Pointer
	if key.flag&flagIndir != 0 {
		k = key.ptr
	} else {
		k = unsafe.Pointer(&key.ptr)
	}
	e, ok := mapaccess2(v.typ, v.pointer(), k)
	if !ok {
		return Value{}
	}
	c := unsafe_New(tt.elem)
	typedmemmove(tt.elem, c, e)
	return Value{tt.elem, c, flagIndir | v.flag&flagRO}.direct()
}

// SetMapIndex sets the element associated with key in the map v to elem.
// Deleting (a zero elem) is not supported yet.
func (v Value) SetMapIndex(key, elem Value) {
	v.mustBe(Map, "reflect.Value.SetMapIndex")
	tt := (*mapType)(unsafe.Pointer(v.typ))
	if !elem.IsValid() {
		panic("reflect.Value.SetMapIndex: deleting is not supported by origo yet")
	}
	key = key.assignTo(tt.key)
	elem = elem.assignTo(tt.elem)
	k := key.addr()
	slot := mapassign(v.typ, v.pointer(), k)
	typedmemmove(tt.elem, slot, elem.addr())
}

// addr returns the address of v's value (a pointer-shaped value is copied
// to memory first).
func (v Value) addr() unsafe.Pointer {
	if v.flag&flagIndir != 0 {
		return v.ptr
	}
	p := new(unsafe.Pointer)
	*p = v.ptr
	return unsafe.Pointer(p)
}

// direct turns an indirect pointer-shaped value into a direct one.
func (v Value) direct() Value {
	if v.typ.kind&kindDirectIface != 0 && v.flag&flagIndir != 0 {
		return Value{v.typ, *(*unsafe.Pointer)(v.ptr), v.flag &^ (flagIndir | flagAddr)}
	}
	return v
}

// assignTo returns a Value of type dst holding v's value.
func (v Value) assignTo(dst *rtype) Value {
	if v.typ == dst || directlyAssignable(dst, v.typ) {
		return Value{dst, v.ptr, v.flag}
	}
	if dst.Kind() == Interface && implements(dst, v.typ) {
		n := New(dst).Elem()
		n.Set(v)
		return n
	}
	panic("reflect: value of type " + v.typ.String() + " is not assignable to type " + dst.String())
}

// MapKeys returns a slice containing all the keys present in the map, in
// unspecified order.
func (v Value) MapKeys() []Value {
	v.mustBe(Map, "reflect.Value.MapKeys")
	var keys []Value
	it := v.MapRange()
	for it.Next() {
		keys = append(keys, it.Key())
	}
	return keys
}

// A MapIter is an iterator for ranging over a map.
type MapIter struct {
	m       Value
	started bool
	hiter   hiter
}

// hiter is the runtime's map iterator (abi.h: Hiter), 96 bytes.
type hiter struct {
	key  unsafe.Pointer
	elem unsafe.Pointer
	_    [10]uintptr
}

// MapRange returns a range iterator for a map.
func (v Value) MapRange() *MapIter {
	v.mustBe(Map, "reflect.Value.MapRange")
	return &MapIter{m: v}
}

// Next advances the map iterator and reports whether there is another
// entry. It returns false when the iterator is exhausted.
func (it *MapIter) Next() bool {
	if it.m.pointer() == nil {
		return false
	}
	if !it.started {
		it.started = true
		mapiterinit(it.m.typ, it.m.pointer(), &it.hiter)
	} else {
		if it.hiter.key == nil {
			panic("MapIter.Next called on exhausted iterator")
		}
		mapiternext(&it.hiter)
	}
	return it.hiter.key != nil
}

// Key returns the key of iter's current map entry.
func (it *MapIter) Key() Value {
	if it.hiter.key == nil {
		panic("MapIter.Key called before Next")
	}
	t := (*mapType)(unsafe.Pointer(it.m.typ)).key
	c := unsafe_New(t)
	typedmemmove(t, c, it.hiter.key)
	return Value{t, c, flagIndir | it.m.flag&flagRO}.direct()
}

// Value returns the value of iter's current map entry.
func (it *MapIter) Value() Value {
	if it.hiter.key == nil {
		panic("MapIter.Value called before Next")
	}
	t := (*mapType)(unsafe.Pointer(it.m.typ)).elem
	c := unsafe_New(t)
	typedmemmove(t, c, it.hiter.elem)
	return Value{t, c, flagIndir | it.m.flag&flagRO}.direct()
}

// Reset modifies iter to iterate over v.
func (it *MapIter) Reset(v Value) {
	*it = MapIter{m: v}
}

// The C++ runtime's entry points (runtime/README.md).
//
//go:linkname unsafe_New runtime.newobject
func unsafe_New(t *rtype) unsafe.Pointer

//go:linkname makeslice runtime.makeslice
func makeslice(et *rtype, len, cap int) unsafe.Pointer

//go:linkname makemap runtime.makemap
func makemap(t *rtype, hint int, h unsafe.Pointer) unsafe.Pointer

//go:linkname mapaccess2 runtime.mapaccess2
func mapaccess2(t *rtype, h unsafe.Pointer, key unsafe.Pointer) (unsafe.Pointer, bool)

//go:linkname mapassign runtime.mapassign
func mapassign(t *rtype, h unsafe.Pointer, key unsafe.Pointer) unsafe.Pointer

//go:linkname mapiterinit runtime.mapiterinit
func mapiterinit(t *rtype, h unsafe.Pointer, it *hiter)

//go:linkname mapiternext runtime.mapiternext
func mapiternext(it *hiter)

//go:linkname maplen runtime.maplen
func maplen(m unsafe.Pointer) int

//go:linkname chanlen runtime.chanlen
func chanlen(c unsafe.Pointer) int

//go:linkname chancap runtime.chancap
func chancap(c unsafe.Pointer) int

//go:linkname assertE2I runtime.assertE2I
func assertE2I(inter *interfaceType, t *rtype) unsafe.Pointer

// typedmemmove copies a value of type t from src to dst.
func typedmemmove(t *rtype, dst, src unsafe.Pointer) { memmove(dst, src, t.size) }

func memmove(dst, src unsafe.Pointer, n uintptr) {
	if n == 0 || dst == src {
		return
	}
	copy(unsafe.Slice((*byte)(dst), n), unsafe.Slice((*byte)(src), n))
}

// SliceHeader is the runtime representation of a slice.
type SliceHeader struct {
	Data uintptr
	Len  int
	Cap  int
}

// StringHeader is the runtime representation of a string.
type StringHeader struct {
	Data uintptr
	Len  int
}
