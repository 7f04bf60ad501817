// RUN: tsc-opt %s -tsc-mkldnn-layout -split-input-file | FileCheck %s

// A residual block: the input is converted once, the convolutions, ReLUs,
// the residual add (through the runtime's broadcasting add) and the pooling
// run on blocked tensors; size reads the blocked tensor as it is; the
// result is converted back before flatten (a view) and nowhere else.
// CHECK-LABEL: func.func @block
// CHECK:         %[[IN:.*]] = ts.operator "tsc::to_mkldnn"(%arg0)
// CHECK:         %[[C1:.*]] = ts.operator "tsc::conv2d_prepacked"(%[[IN]],
// CHECK:         %[[R1:.*]] = ts.aten.relu_ %[[C1]]
// CHECK:         %[[C2:.*]] = ts.operator "tsc::conv2d_prepacked"(%[[R1]],
// CHECK:         %[[SUM:.*]] = ts.operator "tsc::mkldnn_add_"(%[[C2]], %[[R1]], %{{.*}}) {overload = "", schema = "tsc::mkldnn_add_(Tensor(a!) self, Tensor other, Scalar alpha) -> Tensor(a!)"}
// CHECK:         %[[R2:.*]] = ts.aten.relu %[[SUM]]
// CHECK:         ts.aten.size %[[R2]]
// CHECK:         %[[P:.*]] = ts.aten.adaptive_avg_pool2d %[[R2]]
// CHECK:         %[[D:.*]] = ts.operator "tsc::to_dense"(%[[P]])
// CHECK:         ts.aten.flatten.using_ints %[[D]]
// CHECK-NOT:     tsc::to_
func.func @block(%x: !ts.tensor) -> (!ts.tensor, !ts.list<i64>) {
  %w = ts.prim.Constant(dense<0.5> : tensor<4x4x3x3xf32>) : !ts.tensor<[4, 4, 3, 3], f32>
  %none = ts.prim.Constant(unit) : !ts.none
  %one = ts.prim.Constant(1 : i64) : i64
  %m1 = ts.prim.Constant(-1 : i64) : i64
  %s = ts.prim.ListConstruct %one, %one : (i64, i64) -> !ts.list<i64>
  %c1 = ts.operator "tsc::conv2d_prepacked"(%x, %w, %none, %s, %s, %s, %one) {overload = "", schema = ""} : (!ts.tensor, !ts.tensor<[4, 4, 3, 3], f32>, !ts.none, !ts.list<i64>, !ts.list<i64>, !ts.list<i64>, i64) -> !ts.tensor
  %r1 = ts.aten.relu_ %c1 : (!ts.tensor) -> !ts.tensor
  %c2 = ts.operator "tsc::conv2d_prepacked"(%r1, %w, %none, %s, %s, %s, %one) {overload = "", schema = ""} : (!ts.tensor, !ts.tensor<[4, 4, 3, 3], f32>, !ts.none, !ts.list<i64>, !ts.list<i64>, !ts.list<i64>, i64) -> !ts.tensor
  %sum = ts.aten.add_.Tensor %c2, %r1, %one : (!ts.tensor, !ts.tensor, i64) -> !ts.tensor
  %r2 = ts.aten.relu %sum : (!ts.tensor) -> !ts.tensor
  %size = ts.aten.size %r2 : (!ts.tensor) -> !ts.list<i64>
  %p = ts.aten.adaptive_avg_pool2d %r2, %s : (!ts.tensor, !ts.list<i64>) -> !ts.tensor
  %f = ts.aten.flatten.using_ints %p, %one, %m1 : (!ts.tensor, i64, i64) -> !ts.tensor
  return %f, %size : !ts.tensor, !ts.list<i64>
}

// -----

// A convolution whose result no layout op takes stays plain: here a view
// and a dilated max pool (not a layout op: oneDNN's pooling has no
// dilation) read it.
// CHECK-LABEL: func.func @aliased
// CHECK-NOT:     tsc::to_
// CHECK:         %[[C:.*]] = ts.operator "tsc::conv2d_prepacked"(%arg0,
// CHECK:         ts.aten.flatten.using_ints %[[C]]
// CHECK-LABEL: func.func @dilated_pool
// CHECK-NOT:     tsc::to_
// CHECK:         %[[C:.*]] = ts.operator "tsc::conv2d_prepacked"(%arg0,
// CHECK:         ts.aten.max_pool2d %[[C]]

func.func @aliased(%x: !ts.tensor) -> !ts.tensor {
  %w = ts.prim.Constant(dense<0.5> : tensor<4x4x3x3xf32>) : !ts.tensor<[4, 4, 3, 3], f32>
  %none = ts.prim.Constant(unit) : !ts.none
  %one = ts.prim.Constant(1 : i64) : i64
  %m1 = ts.prim.Constant(-1 : i64) : i64
  %s = ts.prim.ListConstruct %one, %one : (i64, i64) -> !ts.list<i64>
  %c = ts.operator "tsc::conv2d_prepacked"(%x, %w, %none, %s, %s, %s, %one) {overload = "", schema = ""} : (!ts.tensor, !ts.tensor<[4, 4, 3, 3], f32>, !ts.none, !ts.list<i64>, !ts.list<i64>, !ts.list<i64>, i64) -> !ts.tensor
  %f = ts.aten.flatten.using_ints %c, %one, %m1 : (!ts.tensor, i64, i64) -> !ts.tensor
  %r = ts.aten.relu_ %f : (!ts.tensor) -> !ts.tensor
  return %c : !ts.tensor
}
func.func @dilated_pool(%x: !ts.tensor) -> !ts.tensor {
  %w = ts.prim.Constant(dense<0.5> : tensor<4x4x3x3xf32>) : !ts.tensor<[4, 4, 3, 3], f32>
  %none = ts.prim.Constant(unit) : !ts.none
  %one = ts.prim.Constant(1 : i64) : i64
  %two = ts.prim.Constant(2 : i64) : i64
  %false = ts.prim.Constant(false) : i1
  %s = ts.prim.ListConstruct %one, %one : (i64, i64) -> !ts.list<i64>
  %d = ts.prim.ListConstruct %two, %two : (i64, i64) -> !ts.list<i64>
  %c = ts.operator "tsc::conv2d_prepacked"(%x, %w, %none, %s, %s, %s, %one) {overload = "", schema = ""} : (!ts.tensor, !ts.tensor<[4, 4, 3, 3], f32>, !ts.none, !ts.list<i64>, !ts.list<i64>, !ts.list<i64>, i64) -> !ts.tensor
  %p = ts.aten.max_pool2d %c, %d, %d, %s, %d, %false : (!ts.tensor, !ts.list<i64>, !ts.list<i64>, !ts.list<i64>, !ts.list<i64>, i1) -> !ts.tensor
  return %p : !ts.tensor
}

// -----

// A blocked value read by a layout op and by an op that keeps an alias of
// it (a view, then changed in place): every reader takes one plain copy
// made right after it, so that all see the same tensor.
// CHECK-LABEL: func.func @shared_with_alias
// CHECK:         %[[C1:.*]] = ts.operator "tsc::conv2d_prepacked"
// CHECK:         %[[R:.*]] = ts.aten.relu %[[C1]]
// CHECK-NEXT:    %[[D:.*]] = ts.operator "tsc::to_dense"(%[[R]])
// CHECK:         %[[V:.*]] = ts.aten.flatten.using_ints %[[D]]
// CHECK:         ts.aten.relu_ %[[V]]
// CHECK:         %[[M:.*]] = ts.operator "tsc::to_mkldnn"(%[[D]])
// CHECK:         ts.operator "tsc::conv2d_prepacked"(%[[M]],
func.func @shared_with_alias(%x: !ts.tensor) -> !ts.tensor {
  %w = ts.prim.Constant(dense<0.5> : tensor<4x4x3x3xf32>) : !ts.tensor<[4, 4, 3, 3], f32>
  %none = ts.prim.Constant(unit) : !ts.none
  %one = ts.prim.Constant(1 : i64) : i64
  %m1 = ts.prim.Constant(-1 : i64) : i64
  %s = ts.prim.ListConstruct %one, %one : (i64, i64) -> !ts.list<i64>
  %c1 = ts.operator "tsc::conv2d_prepacked"(%x, %w, %none, %s, %s, %s, %one) {overload = "", schema = ""} : (!ts.tensor, !ts.tensor<[4, 4, 3, 3], f32>, !ts.none, !ts.list<i64>, !ts.list<i64>, !ts.list<i64>, i64) -> !ts.tensor
  %r = ts.aten.relu %c1 : (!ts.tensor) -> !ts.tensor
  %v = ts.aten.flatten.using_ints %r, %one, %m1 : (!ts.tensor, i64, i64) -> !ts.tensor
  %z = ts.aten.relu_ %v : (!ts.tensor) -> !ts.tensor
  %c2 = ts.operator "tsc::conv2d_prepacked"(%r, %w, %none, %s, %s, %s, %one) {overload = "", schema = ""} : (!ts.tensor, !ts.tensor<[4, 4, 3, 3], f32>, !ts.none, !ts.list<i64>, !ts.list<i64>, !ts.list<i64>, i64) -> !ts.tensor
  return %c2 : !ts.tensor
}
// -----

// An in-place ReLU on a tensor that is read again afterwards is not a
// layout op: the convolution's result stays plain for both readers.
// CHECK-LABEL: func.func @read_after_inplace
// CHECK-NOT:     tsc::to_
// CHECK:         ts.aten.relu_
func.func @read_after_inplace(%x: !ts.tensor) -> !ts.tensor {
  %w = ts.prim.Constant(dense<0.5> : tensor<4x4x3x3xf32>) : !ts.tensor<[4, 4, 3, 3], f32>
  %none = ts.prim.Constant(unit) : !ts.none
  %one = ts.prim.Constant(1 : i64) : i64
  %s = ts.prim.ListConstruct %one, %one : (i64, i64) -> !ts.list<i64>
  %c = ts.operator "tsc::conv2d_prepacked"(%x, %w, %none, %s, %s, %s, %one) {overload = "", schema = ""} : (!ts.tensor, !ts.tensor<[4, 4, 3, 3], f32>, !ts.none, !ts.list<i64>, !ts.list<i64>, !ts.list<i64>, i64) -> !ts.tensor
  %r = ts.aten.relu_ %c : (!ts.tensor) -> !ts.tensor
  %sum = ts.aten.add.Tensor %c, %r, %one : (!ts.tensor, !ts.tensor, i64) -> !ts.tensor
  return %sum : !ts.tensor
}

// -----

// A fused convolution is a convolution: it converts its plain input, and
// the tensor its post-op adds (a function argument here), to the blocked
// layout; a blocked one (the first convolution's result) it takes as is.
// CHECK-LABEL: func.func @fused
// CHECK:         %[[IN:.*]] = ts.operator "tsc::to_mkldnn"(%arg0)
// CHECK:         %[[C1:.*]] = ts.operator "tsc::conv2d_prepacked_fused"(%[[IN]], {{.*}}, %[[N:[0-9]+]], %{{[0-9]+}}, %[[N]], %[[N]])
// CHECK:         %[[Y:.*]] = ts.operator "tsc::to_mkldnn"(%arg1)
// CHECK:         %[[C2:.*]] = ts.operator "tsc::conv2d_prepacked_fused"(%[[C1]], {{.*}}, %[[Y]], %{{[0-9]+}}, %[[N]], %[[N]])
// CHECK:         %[[C3:.*]] = ts.operator "tsc::conv2d_prepacked_fused"(%[[C2]], {{.*}}, %[[C1]], %{{[0-9]+}}, %[[N]], %[[N]])
// CHECK:         %[[D:.*]] = ts.operator "tsc::to_dense"(%[[C3]])
// CHECK:         return %[[D]]
func.func @fused(%x: !ts.tensor, %y: !ts.tensor) -> !ts.tensor {
  %w = ts.prim.Constant(dense<0.5> : tensor<4x4x3x3xf32>) : !ts.tensor<[4, 4, 3, 3], f32>
  %none = ts.prim.Constant(unit) : !ts.none
  %one = ts.prim.Constant(1 : i64) : i64
  %false = ts.prim.Constant(false) : i1
  %s = ts.prim.ListConstruct %one, %one : (i64, i64) -> !ts.list<i64>
  %c1 = ts.operator "tsc::conv2d_prepacked_fused"(%x, %w, %none, %s, %s, %s, %one, %none, %false, %none, %none) {overload = "", schema = ""} : (!ts.tensor, !ts.tensor<[4, 4, 3, 3], f32>, !ts.none, !ts.list<i64>, !ts.list<i64>, !ts.list<i64>, i64, !ts.none, i1, !ts.none, !ts.none) -> !ts.tensor
  %c2 = ts.operator "tsc::conv2d_prepacked_fused"(%c1, %w, %none, %s, %s, %s, %one, %y, %false, %none, %none) {overload = "", schema = ""} : (!ts.tensor, !ts.tensor<[4, 4, 3, 3], f32>, !ts.none, !ts.list<i64>, !ts.list<i64>, !ts.list<i64>, i64, !ts.tensor, i1, !ts.none, !ts.none) -> !ts.tensor
  %c3 = ts.operator "tsc::conv2d_prepacked_fused"(%c2, %w, %none, %s, %s, %s, %one, %c1, %false, %none, %none) {overload = "", schema = ""} : (!ts.tensor, !ts.tensor<[4, 4, 3, 3], f32>, !ts.none, !ts.list<i64>, !ts.list<i64>, !ts.list<i64>, i64, !ts.tensor, i1, !ts.none, !ts.none) -> !ts.tensor
  return %c3 : !ts.tensor
}
