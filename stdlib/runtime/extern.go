package runtime



// Primitives of the C++ runtime (runtime/callers.cpp).
func callers(skip int, buf *uintptr, n int) int
func pcframe(pc uintptr, depth int, out *logicalFrame) bool
func funcat(pc uintptr, out *logicalFrame) bool

// logicalFrame is what pcframe and funcat fill in.
type logicalFrame struct {
	name  *byte
	file  *byte
	line  int
	entry uintptr
}

// Caller reports file and line number information about function
// invocations on the calling goroutine's stack. The argument skip is the
// number of stack frames to ascend, with 0 identifying the caller of
// Caller. The return values report the program counter, file name, and
// line number within the file of the corresponding call. The boolean ok
// is false if it was not possible to recover the information.
func Caller(skip int) (pc uintptr, file string, line int, ok bool) {
	var pcs [64]uintptr
	n := callers(0, &pcs[0], len(pcs))
	// Logical frames: Caller itself first, then its caller.
	want := skip + 1
	for _, p := range pcs[:n] {
		for d := 0; ; d++ {
			var lf logicalFrame
			if !pcframe(p, d, &lf) {
				break
			}
			if want == 0 {
				return p - 1, gostring(lf.file), lf.line, true
			}
			want--
		}
	}
	return 0, "", 0, false
}

// Callers fills the slice pc with the return program counters of function
// invocations on the calling goroutine's stack. The argument skip is the
// number of stack frames to skip before recording in pc, with 0
// identifying the frame for Callers itself and 1 identifying the caller
// of Callers. It returns the number of entries written to pc.
//
// To translate these PCs into symbolic information such as function names
// and line numbers, use CallersFrames, which accounts for inlined calls.
func Callers(skip int, pc []uintptr) int {
	if len(pc) == 0 {
		return 0
	}
	return callers(skip, &pc[0], len(pc))
}

// Frames may be used to get function/file/line information for a slice
// of PC values returned by Callers.
type Frames struct {
	callers []uintptr
	depth   int // the next logical frame of callers[0]
}

// Frame is the information returned by Frames for each call frame.
type Frame struct {
	// PC is the program counter for the location in this frame. For a
	// frame that calls another frame, this will be the program counter of
	// a call instruction. Because of pipelining, the previous instruction.
	PC uintptr

	// Func is the Func value of this call frame. This may be nil for
	// non-Go code or fully inlined functions.
	Func *Func

	// Function is the package path-qualified function name of this call
	// frame.
	Function string

	// File and Line are the file name and line number of the location in
	// this frame.
	File string
	Line int

	// Entry point program counter for the function; may be zero if not
	// known.
	Entry uintptr
}

// CallersFrames takes a slice of PCs returned by Callers and prepares to
// return function/file/line information. Do not change the slice until
// you are done with the Frames.
func CallersFrames(callers []uintptr) *Frames {
	return &Frames{callers: callers}
}

// Next returns a Frame representing the next call frame in the slice of
// PC values, and whether there are more frames after it.
func (ci *Frames) Next() (frame Frame, more bool) {
	for len(ci.callers) > 0 {
		pc := ci.callers[0]
		var lf logicalFrame
		if !pcframe(pc, ci.depth, &lf) {
			ci.callers = ci.callers[1:]
			ci.depth = 0
			continue
		}
		ci.depth++
		frame = Frame{PC: pc - 1, Function: gostring(lf.name), File: gostring(lf.file), Line: lf.line, Entry: lf.entry}
		if f := FuncForPC(pc - 1); f != nil && f.name == frame.Function {
			frame.Func = f
		}
		var next logicalFrame
		more = pcframe(pc, ci.depth, &next) || len(ci.callers) > 1
		return frame, more
	}
	return Frame{}, false
}

// A Func represents a Go function in the running binary.
type Func struct {
	name  string
	file  string
	entry uintptr
}

// FuncForPC returns a *Func describing the function that contains the
// given program counter address, or else nil.
func FuncForPC(pc uintptr) *Func {
	var lf logicalFrame
	if !funcat(pc, &lf) {
		return nil
	}
	return &Func{name: gostring(lf.name), file: gostring(lf.file), entry: lf.entry}
}

// Name returns the name of the function.
func (f *Func) Name() string {
	if f == nil {
		return ""
	}
	return f.name
}

// Entry returns the entry address of the function.
func (f *Func) Entry() uintptr { return f.entry }

// FileLine returns the file name and line number of the source code
// corresponding to the program counter pc. The result will not be
// accurate if pc is not a program counter within f.
func (f *Func) FileLine(pc uintptr) (file string, line int) {
	var lf logicalFrame
	if !funcat(pc, &lf) {
		return f.file, 0
	}
	return f.file, lf.line
}

// Stack formats a stack trace of the calling goroutine into buf and
// returns the number of bytes written to buf, as a panic's report prints
// it. With all set, gc adds every other goroutine's trace, stopping the
// world to take them; origo's Stack reports the calling goroutine only,
// for now.
func Stack(buf []byte, all bool) int {
	if len(buf) == 0 {
		return 0
	}
	return stack(&buf[0], len(buf))
}

// stack writes the calling goroutine's traceback, from Stack's caller on,
// into the n bytes at buf (runtime/callers.cpp).
func stack(buf *byte, n int) int
