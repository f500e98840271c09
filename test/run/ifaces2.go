// Interfaces, continued: embedded interfaces, several results and bool
// methods through itabs, conversions to smaller interfaces, error values,
// pointers in interfaces (a nil *int is not a nil interface), assertions
// that write through the pointer, float32/float64/bool/uint8 dynamic types.
package main

type Stringer interface{ String() string }

type ReadWriter interface {
	Reader
	Writer
}
type Reader interface{ Read(n int) (int, bool) }
type Writer interface{ Write(s string) int }

type Buf string

func (b Buf) Read(n int) (int, bool) { return len(b) - n, len(b) > n }
func (b Buf) Write(s string) int    { return len(b) + len(s) }
func (b Buf) String() string        { return "Buf(" + string(b) + ")" }

type Flag bool

func (f Flag) String() string {
	if f {
		return "on"
	}
	return "off"
}


func find(xs []Stringer, s string) int {
	for i, x := range xs {
		if x.String() == s {
			return i
		}
	}
	return -1
}

var errs []error

type MyErr int

func (e MyErr) Error() string { return "err" + string(rune('0'+int(e))) }

func mayFail(n int) error {
	if n > 2 {
		return MyErr(n)
	}
	return nil
}

func main() {
	var rw ReadWriter = Buf("hello")
	n, ok := rw.Read(2)
	println(n, ok, rw.Write("abc"))
	var r Reader = rw
	n, ok = r.Read(9)
	println(n, ok)
	w := Writer(rw)
	println(w.Write(""))
	if s, ok := w.(Stringer); ok {
		println(s.String())
	}
	xs := []Stringer{Flag(true), Buf("x"), Flag(false)}
	println(find(xs, "off"), find(xs, "Buf(x)"), find(xs, "nope"))
	var p *int
	var e interface{} = p
	println(e == nil, e != nil)
	x := 5
	e = &x
	*e.(*int) = 7
	println(x)
	for i := 0; i < 5; i++ {
		if err := mayFail(i); err != nil {
			println(i, err.Error())
			errs = append(errs, err)
		}
	}
	println(len(errs), errs[0] == MyErr(3), errs[1] == errs[0])
	var f32 interface{} = float32(1.5)
	var f64 interface{} = 1.5
	println(f32 == f64, f64 == 1.5, f32.(float32))
	var b interface{} = true
	println(b == true, b.(bool))
	var u8 interface{} = uint8(200)
	println(u8.(uint8), u8 == 200, u8 == uint8(200))
	var st interface{} = "s"
	switch st {
	case "s":
		println("matched s")
	}
}
