package reflectlite

import "unsafe"

// Swapper returns a function that swaps the elements in the provided
// slice. Swapper panics if the provided interface is not a slice.
func Swapper(slice any) func(i, j int) {
	v := ValueOf(slice)
	if v.Kind() != Slice {
		panic(&ValueError{Method: "Swapper", Kind: v.Kind()})
	}
	s := (*sliceHeader)(v.ptr)
	switch s.Len {
	case 0:
		return func(i, j int) { panic("reflect: slice index out of range") }
	case 1:
		return func(i, j int) {
			if i != 0 || j != 0 {
				panic("reflect: slice index out of range")
			}
		}
	}
	size := (*sliceType)(unsafe.Pointer(v.typ)).elem.size
	// The common element sizes swap as machine words.
	switch size {
	case 8:
		is := *(*[]uint64)(v.ptr)
		return func(i, j int) { is[i], is[j] = is[j], is[i] }
	case 16:
		ss := *(*[][2]uint64)(v.ptr)
		return func(i, j int) { ss[i], ss[j] = ss[j], ss[i] }
	case 4:
		is := *(*[]uint32)(v.ptr)
		return func(i, j int) { is[i], is[j] = is[j], is[i] }
	case 2:
		is := *(*[]uint16)(v.ptr)
		return func(i, j int) { is[i], is[j] = is[j], is[i] }
	case 1:
		is := *(*[]uint8)(v.ptr)
		return func(i, j int) { is[i], is[j] = is[j], is[i] }
	}
	tmp := unsafe_New((*sliceType)(unsafe.Pointer(v.typ)).elem)
	data, n := s.Data, s.Len
	return func(i, j int) {
		if uint(i) >= uint(n) || uint(j) >= uint(n) {
			panic("reflect: slice index out of range")
		}
		val1 := unsafe.Add(data, uintptr(i)*size)
		val2 := unsafe.Add(data, uintptr(j)*size)
		memmove(tmp, val1, size)
		memmove(val1, val2, size)
		memmove(val2, tmp, size)
	}
}

// sliceHeader is the layout of a slice.
type sliceHeader struct {
	Data unsafe.Pointer
	Len  int
	Cap  int
}
