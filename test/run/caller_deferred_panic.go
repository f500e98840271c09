// runtime.Caller and Callers from a deferred call while a panic is in
// progress see the frames where the panic happened (gc runs deferred calls
// on top of them), before and after recover; runtime frames are left out
// of the output, since gc's are its own.
package main

import (
	"runtime"
	"strings"
)

var t *struct{ c chan int }

//go:noinline
func f() int {
	return len(t.c) // the nil dereference: this line
}

//go:noinline
func g() int {
	return f() + 1
}

func show(label string) {
	for i := 1; ; i++ {
		pc, file, line, ok := runtime.Caller(i)
		if !ok {
			break
		}
		name := runtime.FuncForPC(pc).Name()
		if strings.HasPrefix(name, "runtime.") {
			continue
		}
		println(label, name, file[strings.LastIndex(file, "/")+1:], line)
		if name == "main.main" {
			break
		}
	}
	pcs := make([]uintptr, 32)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(1, pcs)])
	for {
		fr, more := frames.Next()
		if !strings.HasPrefix(fr.Function, "runtime.") {
			println(label, "frames:", fr.Function, fr.Line)
		}
		if !more || fr.Function == "main.main" {
			break
		}
	}
}

func main() {
	defer func() {
		show("before")
		r := recover()
		println(r != nil)
		show("after")
	}()
	println(g())
}
