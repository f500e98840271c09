; A hand-written stand-in for what codegen emits for shift.go: two init
; functions run in order, and a negative shift amount two calls below
; main.main, reported by runtime.panicshift with a three-frame traceback.
; Built with llc-19 for each target by run.sh (see README.md).
; INITS: main.init.0,main.init.1

declare void @llvm.experimental.stackmap(i64, i32, ...)
declare void @runtime.printlock()
declare void @runtime.printunlock()
declare void @runtime.printnl()
declare void @runtime.printint(i64)
declare void @runtime.printstring(ptr, i64)
; Never returns, but declared without noreturn so that the stack map after
; the call survives optimisation.
declare void @runtime.panicshift()

@main.s = global i64 -1
@str.init1 = private constant [6 x i8] c"init 1"
@str.init2 = private constant [6 x i8] c"init 2"

define void @main.init.0() #0 {
  call void @runtime.printstring(ptr @str.init1, i64 6)
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 5, i32 0)
  call void @runtime.printnl()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 5, i32 0)
  ret void
}

define void @main.init.1() #0 {
  call void @runtime.printstring(ptr @str.init2, i64 6)
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 7, i32 0)
  call void @runtime.printnl()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 7, i32 0)
  ret void
}

; func h(n int) int { return 1 << n }
define i64 @main.h(i64 %n) #1 {
  %neg = icmp slt i64 %n, 0
  br i1 %neg, label %panic, label %shift
panic:
  call void @runtime.panicshift()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 10, i32 0)
  unreachable
shift:
  %big = icmp uge i64 %n, 64
  %r = shl i64 1, %n
  %v = select i1 %big, i64 0, i64 %r
  ret i64 %v
}

; func g() int { return h(s) + 1 }
define i64 @main.g() #1 {
  %s = load i64, ptr @main.s
  %r = call i64 @main.h(i64 %s)
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 13, i32 0)
  %v = add i64 %r, 1
  ret i64 %v
}

define void @main.main() #0 {
  %v = call i64 @main.g()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 16, i32 0)
  call void @runtime.printlock()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 16, i32 0)
  call void @runtime.printint(i64 %v)
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 16, i32 0)
  call void @runtime.printnl()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 16, i32 0)
  call void @runtime.printunlock()
  call void (i64, i32, ...) @llvm.experimental.stackmap(i64 16, i32 0)
  ret void
}

@name.init0 = private constant [12 x i8] c"main.init.0\00"
@name.init1 = private constant [12 x i8] c"main.init.1\00"
@name.h = private constant [7 x i8] c"main.h\00"
@name.g = private constant [7 x i8] c"main.g\00"
@name.main = private constant [10 x i8] c"main.main\00"
@file = private constant [29 x i8] c"/origo/runtime/test/shift.go\00"

; Deliberately not in address order: the runtime sorts the table.
@origo.funcs = internal constant [5 x { ptr, ptr, ptr, i64, ptr, i64 }] [
  { ptr, ptr, ptr, i64, ptr, i64 } { ptr @main.main, ptr @name.main, ptr @file, i64 0, ptr null, i64 0 },
  { ptr, ptr, ptr, i64, ptr, i64 } { ptr @main.g, ptr @name.g, ptr @file, i64 0, ptr null, i64 0 },
  { ptr, ptr, ptr, i64, ptr, i64 } { ptr @main.h, ptr @name.h, ptr @file, i64 1, ptr null, i64 0 },
  { ptr, ptr, ptr, i64, ptr, i64 } { ptr @main.init.0, ptr @name.init0, ptr @file, i64 0, ptr null, i64 0 },
  { ptr, ptr, ptr, i64, ptr, i64 } { ptr @main.init.1, ptr @name.init1, ptr @file, i64 0, ptr null, i64 0 }
], section "origo_funcs", align 8
@llvm.used = appending global [1 x ptr] [ptr @origo.funcs], section "llvm.metadata"

attributes #0 = { "frame-pointer"="all" }
attributes #1 = { noinline "frame-pointer"="all" }
