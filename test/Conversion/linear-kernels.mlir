// RUN: tsc-opt %s -tsc-outline-fusion-kernels=vector-width=4 | FileCheck %s
// RUN: tsc-opt %s -tsc-outline-fusion-kernels=vector-width=4 -tsc-lower-fusion-kernels -tsc-convert-ts-to-llvm=model-name=m | FileCheck %s --check-prefix=CALL

// A group with a linear layer [5 x 2] (N = 5 outputs from K = 2 inputs a
// row) takes the row kernel ABI. Its weight becomes a global packed in
// blocks of 4 columns (the vector width), each block K rows of 4: block 0
// holds columns 0-3 of input 0 then of input 1, block 1 column 4 and
// zeros. The bias is padded to whole blocks.
// CHECK:       llvm.mlir.global internal constant @__tsc_fusion_0_weight0(dense<[1.000000e+00, 3.000000e+00, 5.000000e+00, 7.000000e+00, 2.000000e+00, 4.000000e+00, 6.000000e+00, 8.000000e+00, 9.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 1.000000e+01, 0.000000e+00, 0.000000e+00, 0.000000e+00]> : tensor<16xf32>) {{.*}}alignment = 64
// CHECK:       llvm.mlir.global internal constant @__tsc_fusion_0_bias0(dense<[5.000000e-01, 1.500000e+00, 2.500000e+00, 3.500000e+00, 4.500000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00]> : tensor<8xf32>)
// The kernel takes row and column ranges (row_begin, row_end,
// column_begin, column_end, data, row_strides); its whole vectors of
// columns end at min(column_end, 4), the rest begin at max(column_begin, 4).
// CHECK:       llvm.func internal @__tsc_fusion_0(%[[R0:[a-z0-9]+]]: i64, %[[R1:[a-z0-9]+]]: i64, %[[C0:[a-z0-9]+]]: i64, %[[C1:[a-z0-9]+]]: i64, %{{[a-z0-9]+}}: !llvm.ptr, %{{[a-z0-9]+}}: !llvm.ptr) attributes {tsc.kernel}
// CHECK:         %[[W:.*]] = llvm.mlir.addressof @__tsc_fusion_0_weight0
// CHECK:         %[[B:.*]] = llvm.mlir.addressof @__tsc_fusion_0_bias0
// CHECK:         %[[VEND:.*]] = arith.minsi %[[C1]], %[[FOUR:.*]] : i64
// CHECK:         %[[SBEGIN:.*]] = arith.maxsi %[[C0]], %[[FOUR]] : i64
// A buffer for the last, partial block's values (N = 5 is not a multiple
// of 4).
// CHECK:         %[[TAIL:.*]] = llvm.alloca %{{.*}} x vector<4xf32> {alignment = 16 : i64}
// Row by row; the layer's input row starts at row * K.
// CHECK:         scf.for %[[ROW:.*]] = %[[R0]] to %[[R1]]
// CHECK:           %[[K:.*]] = arith.constant 2 : i64
// CHECK:           arith.muli %[[ROW]], %[[K]] : i64
// Whole vectors of columns: one (columns 0-3); the weight's block
// starts at j * K; four partial sums over k (none whole here, K = 2),
// then the rest one k at a time, each an fma of the broadcast input
// element and a row of the block.
// CHECK:           scf.for %[[J:.*]] = %[[C0]] to %[[VEND]] step %{{.*}} : i64 {
// CHECK:             %[[H:.*]] = llvm.load %{{.*}} {alignment = 4 : i64} : !llvm.ptr -> vector<4xf32>
// CHECK:             %[[BLOCK:.*]] = llvm.getelementptr %[[W]][%{{.*}}] : (!llvm.ptr, i64) -> !llvm.ptr, f32
// CHECK:             %[[P:.*]]:4 = scf.for {{.*}} iter_args({{.*}}) -> (vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>)
// CHECK-COUNT-4:       math.fma %{{.*}}, %{{.*}}, %{{.*}} : vector<4xf32>
// CHECK:             %[[REST:.*]] = scf.for
// CHECK:               vector.broadcast %{{.*}} : f32 to vector<4xf32>
// CHECK:               math.fma {{.*}} : vector<4xf32>
// CHECK:             arith.addf %[[REST]], %[[P]]#1
// CHECK:             arith.addf %[[P]]#2, %[[P]]#3
// CHECK:             llvm.load %{{.*}} {alignment = 16 : i64} : !llvm.ptr -> vector<4xf32>
// Then the group's add and tanh on the same registers, and the store.
// CHECK:             arith.addf %{{.*}}, %[[H]] : vector<4xf32>
// CHECK:             llvm.store %{{.*}} : vector<4xf32>, !llvm.ptr
// The last column: if the range reaches it, the layer's values of its
// block (columns 4-7, the weight's zero padding giving 0 beyond 4) as one
// vector into the buffer, then each column one at a time with its lane.
// CHECK:           %[[ANY:.*]] = arith.cmpi slt, %[[SBEGIN]], %[[C1]] : i64
// CHECK:           scf.if %[[ANY]] {
// CHECK:             scf.for {{.*}} -> (vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>)
// CHECK:             llvm.store %{{.*}}, %[[TAIL]] {alignment = 16 : i64} : vector<4xf32>, !llvm.ptr
// CHECK:             scf.for %[[J1:.*]] = %[[SBEGIN]] to %[[C1]] step %{{.*}} : i64 {
// CHECK:               %[[LANE:.*]] = arith.subi %[[J1]], %[[FOUR]] : i64
// CHECK:               %[[AT:.*]] = llvm.getelementptr %[[TAIL]][%[[LANE]]]
// CHECK:               llvm.load %[[AT]] {alignment = 4 : i64} : !llvm.ptr -> f32
// CHECK-NOT:           math.fma
// CHECK:               llvm.store %{{.*}} : f32, !llvm.ptr

// The method calls tsc_fusion_run_linear with each input's role (x: read
// by the layer, 2; h: elementwise, 1), the layer inputs' row lengths
// (x: 2), the row length, 5, and no arena or plan.
// CALL-DAG:    llvm.mlir.global internal constant @__tsc_fusion_row_lengths_{{[0-9]+}}(dense<[2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]> : tensor<16xi8>)
// CALL-DAG:    llvm.mlir.global internal constant @__tsc_fusion_roles_{{[0-9]+}}(dense<[2, 1]> : tensor<2xi8>)
// CALL:        llvm.mlir.addressof @__tsc_fusion_row_lengths
// CALL-NEXT:   %[[N:.*]] = llvm.mlir.constant(5 : i64) : i64
// CALL-NEXT:   %[[NOARENA:.*]] = llvm.mlir.zero : !llvm.ptr
// CALL-NEXT:   %[[NOPLAN:.*]] = llvm.mlir.zero : !llvm.ptr
// CALL-NEXT:   llvm.call @tsc_fusion_run_linear(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %[[N]], %[[NOARENA]], %[[NOPLAN]], %{{.*}})
func.func @cell(%x: !ts.tensor, %h: !ts.tensor) -> !ts.tensor {
  %g = ts.fusion_group(%x, %h) {
  ^bb0(%a: !ts.tensor, %b: !ts.tensor):
    %w = ts.prim.Constant(dense<[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0], [7.0, 8.0], [9.0, 10.0]]> : tensor<5x2xf32>) : !ts.tensor<[5, 2], f32>
    %bias = ts.prim.Constant(dense<[0.5, 1.5, 2.5, 3.5, 4.5]> : tensor<5xf32>) : !ts.tensor<[5], f32>
    %y = ts.aten.linear %a, %w, %bias : (!ts.tensor, !ts.tensor<[5, 2], f32>, !ts.tensor<[5], f32>) -> !ts.tensor
    %one = ts.prim.Constant(1 : i64) : i64
    %s = ts.aten.add.Tensor %y, %b, %one : (!ts.tensor, !ts.tensor, i64) -> !ts.tensor
    %t = ts.aten.tanh %s : (!ts.tensor) -> !ts.tensor
    ts.yield %t : !ts.tensor
  } : (!ts.tensor, !ts.tensor) -> !ts.tensor
  return %g : !ts.tensor
}
