// Recovered runtime errors are runtime.Error values: they implement error
// (plainError and errorString, with gc's messages).
package main

func main() {
	defer func() {
		err := recover()
		if e, ok := err.(error); ok {
			println("error:", e.Error())
		} else {
			println("not an error")
		}
		var s []int
		defer func() {
			println(recover().(error).Error())
		}()
		_ = s[5]
	}()
	var m map[string]int
	m["a"] = 1
}
