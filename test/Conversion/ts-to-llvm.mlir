// RUN: tsc-opt %s -tsc-convert-ts-to-llvm=model-name=m -split-input-file | FileCheck %s

// Scalars stay native; tensor ops become boxed operator calls whose status
// is checked at once; each handle is released after its last use.
// CHECK-LABEL: llvm.func internal @m_forward_impl(%{{.*}}: !llvm.ptr, %{{.*}}: i64, %{{.*}}: !llvm.ptr) -> i32
// CHECK: %[[ADD:.*]] = llvm.add %{{.*}}, %{{.*}} : i64
// CHECK: %[[BOX:.*]] = llvm.call @tsc_value_make_int(%[[ADD]], %{{.*}})
// CHECK: llvm.cond_br %{{.*}}, ^[[ERR:bb[0-9]+]](%[[BOX]] : i32), ^{{bb[0-9]+}}
// CHECK-NEXT: ^[[ERR]](%[[S:.*]]: i32):
// CHECK-NEXT: llvm.return %[[S]] : i32
// CHECK: %[[ST:.*]] = llvm.call @tsc_call_op(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (!llvm.ptr, !llvm.ptr, !llvm.ptr, !llvm.ptr, i64, !llvm.ptr, i64) -> i32
// CHECK: %[[FAILED:.*]] = llvm.icmp "ne" %[[ST]], %{{.*}} : i32
// CHECK: llvm.cond_br %[[FAILED]], ^[[ERR]](%[[ST]] : i32), ^{{bb[0-9]+}}
// The boxed int is released after the call; the result is handed to the
// caller, the borrowed argument never released.
// CHECK: llvm.call @tsc_value_release
// CHECK-NOT: llvm.call @tsc_value_release
// CHECK: llvm.store
// CHECK: llvm.return
func.func @forward(%x: !ts.tensor {ts.name = "x"}, %n: i64 {ts.name = "n"}) -> !ts.tensor {
  %one = ts.prim.Constant(1 : i64) : i64
  %k = ts.aten.add.int %n, %one : (i64, i64) -> i64
  %y = ts.aten.pow.Tensor_Scalar %x, %k : (!ts.tensor, i64) -> !ts.tensor
  return %y : !ts.tensor
}
// The typed C API: tensors as handles, ints as int64_t; checks, a frame.
// CHECK-LABEL: llvm.func @m_forward(%{{[a-z0-9]*}}: !llvm.ptr, %{{[a-z0-9]*}}: !llvm.ptr, %{{[a-z0-9]*}}: i64, %{{[a-z0-9]*}}: !llvm.ptr) -> i32
// CHECK: llvm.call @tsc_frame_enter()
// CHECK: llvm.call @tsc_check_arg
// CHECK: llvm.call @m_forward_impl
// CHECK: llvm.call @tsc_frame_exit
// CHECK-LABEL: llvm.func internal @m_forward_boxed(%{{.*}}: !llvm.ptr, %{{.*}}: i64, %{{.*}}: !llvm.ptr) -> i32
// CHECK: llvm.call @tsc_error_arg_count
// CHECK: llvm.call @tsc_value_get_int
// CHECK-LABEL: llvm.func @m_run(
// CHECK: llvm.call @strcmp
// CHECK: llvm.call @m_forward_boxed
// CHECK: llvm.call @tsc_error_no_method
// CHECK-LABEL: llvm.func @m_signature() -> !llvm.ptr
// CHECK-NOT: func.func

// -----

// If and Loop become blocks; the loop header tests i < max && cond.
// CHECK-LABEL: llvm.func internal @m_loop_impl
// The borrowed initial value gets its own reference for the loop.
// CHECK: llvm.call @tsc_value_copy(%arg1
// CHECK: ^[[HEADER:bb[0-9]+]](%[[I:.*]]: i64, %[[C:.*]]: i1, %[[ACC:.*]]: !llvm.ptr):
// CHECK-NEXT: %[[IN:.*]] = llvm.icmp "slt" %[[I]], %arg0 : i64
// CHECK-NEXT: %[[GO:.*]] = llvm.and %[[IN]], %[[C]] : i1
// CHECK-NEXT: llvm.cond_br %[[GO]], ^{{bb[0-9]+}}(%[[I]], %[[ACC]] : i64, !llvm.ptr), ^{{bb[0-9]+}}(%[[ACC]] : !llvm.ptr)
// CHECK: llvm.br ^[[HEADER]](%{{.*}}, %{{.*}}, %{{.*}} : i64, i1, !llvm.ptr)
// The carried value dies after the If that last reads it.
// CHECK: llvm.call @tsc_value_release
// CHECK-NEXT: llvm.mlir.constant(1 : i64)
// CHECK-NEXT: llvm.add %{{.*}}, %{{.*}} : i64
// CHECK-NEXT: llvm.br ^[[HEADER]]
func.func @loop(%n: i64 {ts.name = "n"}, %x: !ts.tensor {ts.name = "x"}) -> !ts.tensor {
  %true = ts.prim.Constant(true) : i1
  %ten = ts.prim.Constant(10 : i64) : i64
  %r = ts.prim.Loop %n, %true iter(%x : !ts.tensor) -> (!ts.tensor) {
  ^bb0(%i: i64, %acc: !ts.tensor):
    %c = ts.aten.lt.int %i, %ten : (i64, i64) -> i1
    %y = ts.prim.If %c -> (!ts.tensor) {
      %a = ts.aten.sin %acc : (!ts.tensor) -> !ts.tensor
      ts.yield %a : !ts.tensor
    } else {
      ts.yield %acc : !ts.tensor
    }
    ts.yield %true, %y : i1, !ts.tensor
  }
  return %r : !ts.tensor
}

// -----

// Handing a value on: the owner's last use transfers its reference; a
// borrowed argument (or a value still used later) is copied.
// CHECK-LABEL: llvm.func internal @m_handover_impl
// CHECK: llvm.cond_br %arg1, ^[[THEN:bb[0-9]+]], ^[[ELSE:bb[0-9]+]]
// CHECK: ^[[THEN]]:
// CHECK: llvm.call @tsc_value_copy(%arg0
// CHECK: ^[[ELSE]]:
// CHECK-NOT: llvm.call @tsc_value_copy
// CHECK: llvm.call @tsc_call_op
// CHECK-NOT: llvm.call @tsc_value_copy
// CHECK: llvm.func @m_handover(
func.func @handover(%x: !ts.tensor {ts.name = "x"}, %c: i1 {ts.name = "c"}) -> !ts.tensor {
  %r = ts.prim.If %c -> (!ts.tensor) {
    ts.yield %x : !ts.tensor
  } else {
    %y = ts.aten.sin %x : (!ts.tensor) -> !ts.tensor
    ts.yield %y : !ts.tensor
  }
  return %r : !ts.tensor
}

// -----

// An int flowing into Optional[int] is boxed.
// CHECK-LABEL: llvm.func internal @m_box_impl
// CHECK: llvm.call @tsc_value_make_int
// CHECK: llvm.call @tsc_value_make_none
func.func @box(%c: i1 {ts.name = "c"}, %n: i64 {ts.name = "n"}) -> !ts.optional<i64> {
  %r = ts.prim.If %c -> (!ts.optional<i64>) {
    ts.yield %n : i64
  } else {
    %none = ts.prim.Constant(unit) : !ts.none
    ts.yield %none : !ts.none
  }
  return %r : !ts.optional<i64>
}

// -----

// Constants: tensors are embedded in writable data (wrapped by the runtime
// without a copy, once per process).
// The bytes of [1.0, 2.0] as f32, little endian.
// CHECK-DAG: llvm.mlir.global internal @__tsc_tensor_{{[0-9]+}}(dense<[0, 0, -128, 63, 0, 0, 0, 64]> : tensor<8xi8>) {addr_space = 0 : i32, alignment = 64 : i64}
// CHECK-DAG: llvm.mlir.global internal constant @__tsc_str_{{[0-9]+}}("List[int]\00")
// CHECK-LABEL: llvm.func internal @m_constants_impl
// CHECK: llvm.call @tsc_constant_tensor
// CHECK: llvm.call @tsc_list_construct
func.func @constants() -> !ts.tuple<!ts.tensor, !ts.list<i64>> {
  %t = ts.prim.Constant(dense<[1.0, 2.0]> : tensor<2xf32>) : !ts.tensor<[2], f32>
  %l = ts.prim.Constant([1, 2, 3]) : !ts.list<i64>
  %r = ts.prim.TupleConstruct %t, %l : (!ts.tensor<[2], f32>, !ts.list<i64>) -> !ts.tuple<!ts.tensor, !ts.list<i64>>
  return %r : !ts.tuple<!ts.tensor, !ts.list<i64>>
}
// A tuple result is flattened into out-parameters of the typed C API.
// CHECK-LABEL: llvm.func @m_constants(%{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr) -> i32
// CHECK: llvm.call @tsc_tuple_unpack

// -----

// Dicts: keys and values in one handle array; int keys are boxed first and
// their boxes released after the call.
// CHECK-DAG: llvm.mlir.global internal constant @__tsc_str_{{[0-9]+}}("Dict[int, Tensor]\00")
// CHECK-LABEL: llvm.func internal @m_dict_impl
// CHECK: llvm.call @tsc_value_make_int
// CHECK: llvm.call @tsc_dict_construct(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (!llvm.ptr, !llvm.ptr, !llvm.ptr, i64, !llvm.ptr) -> i32
// CHECK: llvm.call @tsc_value_release
func.func @dict(%k: i64, %v: !ts.tensor) -> !ts.dict<i64, !ts.tensor> {
  %d = ts.prim.DictConstruct %k, %v : (i64, !ts.tensor) -> !ts.dict<i64, !ts.tensor>
  return %d : !ts.dict<i64, !ts.tensor>
}

// -----

// isinstance(x, (int, List[int])): one run-time test per type, or-ed.
// CHECK-DAG: llvm.mlir.global internal constant @__tsc_str_{{[0-9]+}}("int\00")
// CHECK-DAG: llvm.mlir.global internal constant @__tsc_str_{{[0-9]+}}("List[int]\00")
// CHECK-LABEL: llvm.func internal @m_isinstance_impl
// CHECK: llvm.call @tsc_isinstance
// CHECK: %[[A:.*]] = llvm.trunc %{{.*}} : i8 to i1
// CHECK: %[[OR1:.*]] = llvm.or %{{.*}}, %[[A]] : i1
// CHECK: llvm.call @tsc_isinstance
// CHECK: %[[B:.*]] = llvm.trunc %{{.*}} : i8 to i1
// CHECK: llvm.or %[[OR1]], %[[B]] : i1
func.func @isinstance(%u: !ts.union<f64, i64, !ts.list<i64>>) -> i1 {
  %r = ts.prim.isinstance %u [i64, !ts.list<i64>] : !ts.union<f64, i64, !ts.list<i64>>
  return %r : i1
}

// -----

// Objects a method makes: the class is described by the attributes the
// module reads and writes (reads give the declared type); scalars are boxed
// to be stored and unboxed when read.
// CHECK-DAG: llvm.mlir.global internal constant @__tsc_str_{{[0-9]+}}("__torch__.Acc\00")
// CHECK-DAG: llvm.mlir.global internal constant @__tsc_str_{{[0-9]+}}("total\00")
// CHECK-DAG: llvm.mlir.global internal constant @__tsc_str_{{[0-9]+}}("Tensor\00")
// CHECK-DAG: llvm.mlir.global internal constant @__tsc_str_{{[0-9]+}}("steps\00")
// CHECK-LABEL: llvm.func internal @m_objects_impl
// CHECK: llvm.call @tsc_object_create(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (!llvm.ptr, !llvm.ptr, !llvm.ptr, !llvm.ptr, i64, !llvm.ptr) -> i32
// CHECK: llvm.call @tsc_object_set_attr
// CHECK: llvm.call @tsc_value_make_int
// CHECK: llvm.call @tsc_object_set_attr
// CHECK: llvm.call @tsc_object_get_attr
// CHECK: llvm.call @tsc_value_get_int
// CHECK: llvm.call @tsc_context_enter
// CHECK: llvm.call @tsc_context_exit
func.func @objects(%x: !ts.tensor, %n: i64) -> i64 {
  %o = ts.prim.CreateObject : !ts.class<"__torch__.Acc">
  ts.prim.SetAttr %o["total"] = %x : !ts.class<"__torch__.Acc">, !ts.tensor
  ts.prim.SetAttr %o["steps"] = %n : !ts.class<"__torch__.Acc">, i64
  %s = ts.prim.GetAttr %o["steps"] : !ts.class<"__torch__.Acc"> -> i64
  %e = ts.prim.Enter %o : !ts.class<"__torch__.Acc"> -> !ts.none
  %q = ts.prim.Exit %o : !ts.class<"__torch__.Acc"> -> !ts.none
  return %s : i64
}
