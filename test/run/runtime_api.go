// The runtime package API: Caller, Callers and CallersFrames (through
// inlined frames), FuncForPC, GOOS/GOARCH, NumCPU, NumGoroutine, Stack.
package main

import (
	"runtime"
	"strings"
)

//go:noinline
func where() (string, int) {
	_, file, line, ok := runtime.Caller(1)
	if !ok {
		return "?", 0
	}
	return file[strings.LastIndex(file, "/")+1:], line
}

//go:noinline
func names() []string {
	pcs := make([]uintptr, 10)
	n := runtime.Callers(1, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	var out []string
	for {
		f, more := frames.Next()
		out = append(out, f.Function)
		if !more {
			break
		}
	}
	return out
}

func main() {
	f, l := where()
	println(f, l)
	ns := names()
	println(len(ns) >= 2, ns[0], ns[1])
	pc, _, _, _ := runtime.Caller(0)
	println(runtime.FuncForPC(pc).Name())
	println(runtime.GOOS, runtime.GOARCH == "amd64" || runtime.GOARCH == "arm64", runtime.NumCPU() > 0, runtime.NumGoroutine())
	buf := make([]byte, 1000)
	n := runtime.Stack(buf, false)
	println(strings.HasPrefix(string(buf[:n]), "goroutine 1 [running]:\nmain.main("))
}
