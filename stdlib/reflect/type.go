// Package reflect is origo's replacement of the upstream reflect package:
// run-time reflection over origo's type descriptors (runtime/abi.h in the
// origo tree), whose layout is not gc's. It covers what the standard
// library's printing, scanning, sorting and flag packages use — types,
// values of every kind, struct fields, maps, slices, pointers, DeepEqual
// — but not yet method values, Call, MakeFunc or type construction
// (StructOf, FuncOf, ...).
package reflect

import (
	"strconv"
	"unsafe"
)

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

// Ptr is the old name for the Pointer kind.
const Ptr = Pointer

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
	return "kind" + strconv.Itoa(int(k))
}

// ChanDir represents a channel type's direction.
type ChanDir int

const (
	RecvDir ChanDir = 1 << iota
	SendDir
	BothDir = RecvDir | SendDir
)

func (d ChanDir) String() string {
	switch d {
	case SendDir:
		return "chan<-"
	case RecvDir:
		return "<-chan"
	case BothDir:
		return "chan"
	}
	return "ChanDir" + strconv.Itoa(int(d))
}

// Type is the representation of a Go type.
type Type interface {
	Align() int
	FieldAlign() int
	NumMethod() int
	Name() string
	PkgPath() string
	Size() uintptr
	String() string
	Kind() Kind
	Implements(u Type) bool
	AssignableTo(u Type) bool
	ConvertibleTo(u Type) bool
	Comparable() bool
	Bits() int
	ChanDir() ChanDir
	IsVariadic() bool
	Elem() Type
	Field(i int) StructField
	FieldByName(name string) (StructField, bool)
	In(i int) Type
	Key() Type
	Len() int
	NumField() int
	NumIn() int
	NumOut() int
	Out(i int) Type
	common() *rtype
	uncommon() *uncommonType
}

// rtype is the common header of every type descriptor (abi.h: Type).
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
	tflagUncommon   = 1 << 0
	tflagNamed      = 1 << 2
)

type method struct {
	name    string
	pkgpath string
	mtyp    *funcType
	ifn     unsafe.Pointer
	tfn     unsafe.Pointer
}

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
	key        *rtype
	elem       *rtype
	bucket     *rtype
	hasher     unsafe.Pointer
	keysize    uint8
	elemsize   uint8
	bucketsize uint16
	flags      uint32
}

type funcType struct {
	rtype
	inCount  uint16
	outCount uint16
	variadic uint8
	_        [3]uint8
	params   **rtype
}

func (t *funcType) param(i int) *rtype {
	return *(**rtype)(unsafe.Add(unsafe.Pointer(t.params), uintptr(i)*unsafe.Sizeof(t.params)))
}

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

type structField struct {
	name     string
	tag      string
	typ      *rtype
	offset   uintptr
	embedded uint8
	_        [7]uint8
}

type structType struct {
	rtype
	pkgpath string
	fields  *structField
	nfields uintptr
}

func (t *structType) fieldList() []structField {
	if t.nfields == 0 {
		return nil
	}
	return unsafe.Slice(t.fields, int(t.nfields))
}

// A StructField describes a single field in a struct.
type StructField struct {
	Name      string
	PkgPath   string // qualifies an unexported name; empty for exported ones
	Type      Type
	Tag       StructTag
	Offset    uintptr
	Index     []int
	Anonymous bool
}

// IsExported reports whether the field is exported.
func (f StructField) IsExported() bool { return f.PkgPath == "" }

// A StructTag is the tag string in a struct field.
type StructTag string

// Get returns the value associated with key in the tag string.
func (tag StructTag) Get(key string) string {
	v, _ := tag.Lookup(key)
	return v
}

// Lookup returns the value associated with key in the tag string, which
// is by convention a space-separated list of key:"value" pairs.
func (tag StructTag) Lookup(key string) (value string, ok bool) {
	s := string(tag)
	for s != "" {
		for s != "" && s[0] == ' ' {
			s = s[1:]
		}
		// The name runs to the colon; it has no spaces, quotes or controls.
		i := 0
		for i < len(s) && s[i] > ' ' && s[i] != ':' && s[i] != '"' && s[i] != 0x7f {
			i++
		}
		if i == 0 || i+1 >= len(s) || s[i] != ':' || s[i+1] != '"' {
			return "", false
		}
		name := s[:i]
		s = s[i+1:]
		// The quoted value, with backslash escapes.
		j := 1
		for j < len(s) && s[j] != '"' {
			if s[j] == '\\' {
				j++
			}
			j++
		}
		if j >= len(s) {
			return "", false
		}
		quoted := s[:j+1]
		s = s[j+1:]
		if name == key {
			v, err := strconv.Unquote(quoted)
			if err != nil {
				return "", false
			}
			return v, true
		}
	}
	return "", false
}

func (t *rtype) common() *rtype { return t }

func (t *rtype) uncommon() *uncommonType { return t.uncommonp }

func (t *rtype) Kind() Kind { return Kind(t.kind & kindMask) }

func (t *rtype) Size() uintptr { return t.size }

func (t *rtype) Align() int { return int(t.align) }

func (t *rtype) FieldAlign() int { return int(t.fieldAlign) }

func (t *rtype) String() string { return t.str }

func (t *rtype) Comparable() bool { return t.equal != nil }

func (t *rtype) NumMethod() int {
	if t.Kind() == Interface {
		return int((*interfaceType)(unsafe.Pointer(t)).mcount)
	}
	if t.uncommonp == nil {
		return 0
	}
	return int(t.uncommonp.xcount)
}

func (t *rtype) Name() string {
	if t.tflag&tflagNamed == 0 {
		return ""
	}
	s := t.str
	i := len(s) - 1
	brackets := 0
	for i >= 0 && (s[i] != '.' || brackets != 0) {
		switch s[i] {
		case ']':
			brackets++
		case '[':
			brackets--
		}
		i--
	}
	return s[i+1:]
}

func (t *rtype) PkgPath() string {
	if t.Kind() == UnsafePointer && t.tflag&tflagNamed != 0 {
		return "unsafe"
	}
	if t.tflag&tflagNamed == 0 || t.uncommonp == nil {
		return ""
	}
	return t.uncommonp.pkgpath
}

func (t *rtype) Bits() int {
	k := t.Kind()
	if k < Int || k > Complex128 {
		panic("reflect: Bits of non-arithmetic Type " + t.String())
	}
	return int(t.size) * 8
}

func (t *rtype) ChanDir() ChanDir {
	if t.Kind() != Chan {
		panic("reflect: ChanDir of non-chan type " + t.String())
	}
	return ChanDir((*chanType)(unsafe.Pointer(t)).dir)
}

func (t *rtype) IsVariadic() bool {
	if t.Kind() != Func {
		panic("reflect: IsVariadic of non-func type " + t.String())
	}
	return (*funcType)(unsafe.Pointer(t)).variadic != 0
}

func (t *rtype) Elem() Type {
	if e := t.elem(); e != nil {
		return e
	}
	panic("reflect: Elem of invalid type " + t.String())
}

// elem is the element type of an array, chan, map, pointer or slice type.
func (t *rtype) elem() *rtype {
	switch t.Kind() {
	case Array:
		return (*arrayType)(unsafe.Pointer(t)).elem
	case Chan:
		return (*chanType)(unsafe.Pointer(t)).elem
	case Map:
		return (*mapType)(unsafe.Pointer(t)).elem
	case Pointer:
		return (*ptrType)(unsafe.Pointer(t)).elem
	case Slice:
		return (*sliceType)(unsafe.Pointer(t)).elem
	}
	return nil
}

func (t *rtype) Key() Type {
	if t.Kind() != Map {
		panic("reflect: Key of non-map type " + t.String())
	}
	return (*mapType)(unsafe.Pointer(t)).key
}

func (t *rtype) Len() int {
	if t.Kind() != Array {
		panic("reflect: Len of non-array type " + t.String())
	}
	return int((*arrayType)(unsafe.Pointer(t)).len)
}

func (t *rtype) NumField() int {
	if t.Kind() != Struct {
		panic("reflect: NumField of non-struct type " + t.String())
	}
	return int((*structType)(unsafe.Pointer(t)).nfields)
}

func (t *rtype) Field(i int) StructField {
	if t.Kind() != Struct {
		panic("reflect: Field of non-struct type " + t.String())
	}
	st := (*structType)(unsafe.Pointer(t))
	fs := st.fieldList()
	if uint(i) >= uint(len(fs)) {
		panic("reflect: Field index out of bounds")
	}
	f := &fs[i]
	out := StructField{Name: f.name, Type: f.typ, Tag: StructTag(f.tag), Offset: f.offset, Index: []int{i},
		Anonymous: f.embedded != 0}
	if !isExportedName(f.name) {
		out.PkgPath = st.pkgpath
	}
	return out
}

func (t *rtype) FieldByName(name string) (StructField, bool) {
	if t.Kind() != Struct {
		panic("reflect: FieldByName of non-struct type " + t.String())
	}
	// Breadth first through embedded structs: the shallowest field wins.
	type level struct {
		t     *rtype
		index []int
	}
	current := []level{{t, nil}}
	for len(current) > 0 {
		var next []level
		for _, lv := range current {
			st := (*structType)(unsafe.Pointer(lv.t))
			for i := range st.fieldList() {
				f := lv.t.Field(i)
				f.Index = append(append([]int(nil), lv.index...), i)
				if f.Name == name {
					return f, true
				}
				if f.Anonymous {
					ft := f.Type.common()
					if ft.Kind() == Pointer {
						ft = ft.elem()
					}
					if ft.Kind() == Struct {
						next = append(next, level{ft, f.Index})
					}
				}
			}
		}
		current = next
	}
	return StructField{}, false
}

func (t *rtype) NumIn() int {
	if t.Kind() != Func {
		panic("reflect: NumIn of non-func type " + t.String())
	}
	return int((*funcType)(unsafe.Pointer(t)).inCount)
}

func (t *rtype) NumOut() int {
	if t.Kind() != Func {
		panic("reflect: NumOut of non-func type " + t.String())
	}
	return int((*funcType)(unsafe.Pointer(t)).outCount)
}

func (t *rtype) In(i int) Type {
	ft := (*funcType)(unsafe.Pointer(t))
	if t.Kind() != Func || uint(i) >= uint(ft.inCount) {
		panic("reflect: In of non-func type or index out of range")
	}
	return ft.param(i)
}

func (t *rtype) Out(i int) Type {
	ft := (*funcType)(unsafe.Pointer(t))
	if t.Kind() != Func || uint(i) >= uint(ft.outCount) {
		panic("reflect: Out of non-func type or index out of range")
	}
	return ft.param(int(ft.inCount) + i)
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

func (t *rtype) ConvertibleTo(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.ConvertibleTo")
	}
	return convertOp(u.common(), t) != nil
}

func isExportedName(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

// implements reports whether T implements the interface type iface: the
// method lists are sorted alike, and identical signatures share one
// descriptor.
func implements(iface, T *rtype) bool {
	if iface.Kind() != Interface {
		return false
	}
	want := (*interfaceType)(unsafe.Pointer(iface)).methodList()
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

// directlyAssignable: identical types, or one of them unnamed with
// identical underlying composite types, or a bidirectional channel to a
// directional one.
func directlyAssignable(T, V *rtype) bool {
	if T == V {
		return true
	}
	if T.tflag&tflagNamed != 0 && V.tflag&tflagNamed != 0 || T.Kind() != V.Kind() {
		return false
	}
	return haveIdenticalUnderlying(T, V, false)
}

// haveIdenticalUnderlying compares the composite structure of T and V
// (whose element types are canonical descriptors, so pointer-equal).
func haveIdenticalUnderlying(T, V *rtype, chanDirAny bool) bool {
	if T == V {
		return true
	}
	k := T.Kind()
	if k != V.Kind() {
		return false
	}
	if Bool <= k && k <= Complex128 || k == String || k == UnsafePointer {
		return true
	}
	switch k {
	case Pointer, Slice:
		return T.elem() == V.elem()
	case Array:
		return T.elem() == V.elem() && T.Len() == V.Len()
	case Map:
		return T.Key().common() == V.Key().common() && T.elem() == V.elem()
	case Chan:
		ct, cv := (*chanType)(unsafe.Pointer(T)), (*chanType)(unsafe.Pointer(V))
		return ct.elem == cv.elem && (ct.dir == cv.dir || cv.dir == uintptr(BothDir))
	case Struct:
		st, sv := (*structType)(unsafe.Pointer(T)), (*structType)(unsafe.Pointer(V))
		ft, fv := st.fieldList(), sv.fieldList()
		if len(ft) != len(fv) || st.pkgpath != sv.pkgpath {
			return false
		}
		for i := range ft {
			if ft[i].name != fv[i].name || ft[i].typ != fv[i].typ || ft[i].tag != fv[i].tag ||
				ft[i].offset != fv[i].offset || ft[i].embedded != fv[i].embedded {
				return false
			}
		}
		return true
	case Func, Interface:
		return T.str == V.str
	}
	return false
}

// TypeOf returns the dynamic type of i, or nil for a nil interface.
func TypeOf(i any) Type {
	e := (*emptyInterface)(unsafe.Pointer(&i))
	return toType(e.typ)
}

func toType(t *rtype) Type {
	if t == nil {
		return nil
	}
	return t
}

// PtrTo returns the pointer type with element t.
func PtrTo(t Type) Type { return PointerTo(t) }

// PointerTo returns the pointer type with element t. A program that never
// mentions *T gets a descriptor made now, once.
func PointerTo(t Type) Type { return t.common().ptrTo() }

var ptrMap map[*rtype]*ptrType

func (t *rtype) ptrTo() *rtype {
	if t.ptrToThis != nil {
		return t.ptrToThis
	}
	if p, ok := ptrMap[t]; ok {
		return &p.rtype
	}
	var model *int
	proto := (*ptrType)(unsafe.Pointer(TypeOf(model).common()))
	p := new(ptrType)
	*p = *proto
	p.str = "*" + t.str
	p.tflag = 0
	p.uncommonp = nil
	p.ptrToThis = nil
	p.hash = t.hash*16777619 ^ '*'
	p.elem = t
	if ptrMap == nil {
		ptrMap = map[*rtype]*ptrType{}
	}
	ptrMap[t] = p
	return &p.rtype
}

// emptyInterface is the layout of an interface{} value.
type emptyInterface struct {
	typ  *rtype
	word unsafe.Pointer
}

// nonEmptyInterface is the layout of an interface with methods.
type nonEmptyInterface struct {
	itab *struct {
		inter *interfaceType
		typ   *rtype
	}
	word unsafe.Pointer
}
