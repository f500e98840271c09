package reflect

import "unsafe"

// During deepValueEqual, pairs of addresses already being compared are
// assumed equal, which ends the recursion through cyclic values.
type visit struct {
	a1, a2 unsafe.Pointer
	typ    *rtype
}

func deepValueEqual(v1, v2 Value, visited map[visit]bool) bool {
	if !v1.IsValid() || !v2.IsValid() {
		return v1.IsValid() == v2.IsValid()
	}
	if v1.typ != v2.typ {
		return false
	}
	switch v1.Kind() {
	case Map, Slice, Pointer, Interface:
		// Only references can form cycles.
		var a1, a2 unsafe.Pointer
		switch v1.Kind() {
		case Map, Pointer:
			a1, a2 = v1.pointer(), v2.pointer()
		case Slice:
			a1, a2 = (*sliceHeader)(v1.ptr).Data, (*sliceHeader)(v2.ptr).Data
		case Interface:
			a1, a2 = v1.ptr, v2.ptr
		}
		if a1 != nil && a2 != nil {
			if uintptr(a1) > uintptr(a2) {
				a1, a2 = a2, a1
			}
			k := visit{a1, a2, v1.typ}
			if visited[k] {
				return true
			}
			visited[k] = true
		}
	}
	switch v1.Kind() {
	case Array:
		for i := 0; i < v1.Len(); i++ {
			if !deepValueEqual(v1.Index(i), v2.Index(i), visited) {
				return false
			}
		}
		return true
	case Slice:
		if v1.IsNil() != v2.IsNil() || v1.Len() != v2.Len() {
			return false
		}
		if v1.Pointer() == v2.Pointer() {
			return true
		}
		for i := 0; i < v1.Len(); i++ {
			if !deepValueEqual(v1.Index(i), v2.Index(i), visited) {
				return false
			}
		}
		return true
	case Interface:
		if v1.IsNil() || v2.IsNil() {
			return v1.IsNil() == v2.IsNil()
		}
		return deepValueEqual(v1.Elem(), v2.Elem(), visited)
	case Pointer:
		if v1.pointer() == v2.pointer() {
			return true
		}
		return deepValueEqual(v1.Elem(), v2.Elem(), visited)
	case Struct:
		for i, n := 0, v1.NumField(); i < n; i++ {
			if !deepValueEqual(v1.Field(i), v2.Field(i), visited) {
				return false
			}
		}
		return true
	case Map:
		if v1.IsNil() != v2.IsNil() || v1.Len() != v2.Len() {
			return false
		}
		if v1.pointer() == v2.pointer() {
			return true
		}
		for _, k := range v1.MapKeys() {
			val1 := v1.MapIndex(k)
			val2 := v2.MapIndex(k)
			if !val1.IsValid() || !val2.IsValid() || !deepValueEqual(val1, val2, visited) {
				return false
			}
		}
		return true
	case Func:
		// Equal only when both are nil.
		return v1.IsNil() && v2.IsNil()
	case Int, Int8, Int16, Int32, Int64:
		return v1.Int() == v2.Int()
	case Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
		return v1.Uint() == v2.Uint()
	case String:
		return v1.String() == v2.String()
	case Bool:
		return v1.Bool() == v2.Bool()
	case Float32, Float64:
		return v1.Float() == v2.Float()
	case Complex64, Complex128:
		return v1.Complex() == v2.Complex()
	case Chan, UnsafePointer:
		return v1.pointer() == v2.pointer()
	}
	return false
}

// DeepEqual reports whether x and y are "deeply equal": identical types
// and, by kind, equal elements, fields, pointees, map entries, or values
// (see the upstream documentation for the full rules).
func DeepEqual(x, y any) bool {
	if x == nil || y == nil {
		return x == y
	}
	v1 := ValueOf(x)
	v2 := ValueOf(y)
	if v1.Type() != v2.Type() {
		return false
	}
	return deepValueEqual(v1, v2, make(map[visit]bool))
}
