// A failed slice to array pointer conversion panics with a recoverable
// runtime error carrying gc's message.
package main

func wantPanic(fn func(), s string) {
	defer func() {
		err := recover()
		if err == nil {
			panic("expected panic")
		}
		if got := err.(error).Error(); got != s {
			panic("expected panic " + s + " got " + got)
		}
	}()
	fn()
}

func main() {
	s := make([]byte, 8, 10)
	wantPanic(func() {
		_ = (*[9]byte)(s)
	}, "runtime error: cannot convert slice with length 8 to pointer to array with length 9")
	println("ok")
}
