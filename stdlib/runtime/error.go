package runtime

import "unsafe"

// The Error interface identifies a run time error.
type Error interface {
	error

	// RuntimeError is a no-op function but serves to distinguish types
	// that are run time errors from ordinary errors: a type is a run time
	// error if it has a RuntimeError method.
	RuntimeError()
}

// An errorString is a run time error with a fixed message.
type errorString string

func (e errorString) RuntimeError() {}

func (e errorString) Error() string { return "runtime error: " + string(e) }

// A plainError is a run time error whose message has no "runtime error: "
// prefix (gc's plainError).
type plainError string

func (e plainError) RuntimeError() {}

func (e plainError) Error() string { return string(e) }

// Errors of math/bits's checked operations (linknamed there).
var overflowError = error(errorString("integer overflow"))

var divideError = error(errorString("integer divide by zero"))

// A TypeAssertionError explains a failed type assertion.
type TypeAssertionError struct {
	_interface    unsafe.Pointer
	concrete      unsafe.Pointer
	asserted      unsafe.Pointer
	missingMethod string
}

func (*TypeAssertionError) RuntimeError() {}

func (e *TypeAssertionError) Error() string {
	return "interface conversion: " + e.missingMethod
}
