// RUN: tsc-opt %s -tsc-outline-fusion-kernels -split-input-file | FileCheck %s
// RUN: tsc-opt %s -tsc-outline-fusion-kernels=vector-width=8 -split-input-file | FileCheck %s --check-prefix=W8
// RUN: tsc-opt %s -tsc-outline-fusion-kernels -tsc-lower-fusion-kernels -split-input-file | FileCheck %s --check-prefix=LLVM
// RUN: tsc-opt %s -tsc-outline-fusion-kernels=interleave=1 -split-input-file | FileCheck %s --check-prefix=IL1
// RUN: not tsc-opt %s -tsc-outline-fusion-kernels=vector-width=3 -split-input-file 2>&1 | FileCheck %s --check-prefix=BAD
// RUN: not tsc-opt %s -tsc-outline-fusion-kernels=interleave=0 -split-input-file 2>&1 | FileCheck %s --check-prefix=BAD-IL

// BAD: error: vector-width must be a power of two
// BAD-IL: error: interleave must be at least 1

// The group names its kernel; the kernel loads the output and input
// pointers and the input strides, then, when every stride is 1, runs
// steps of two vectors (`interleave`: one vector type of both, whose
// operations LLVM splits into registers side by side), then whole vectors,
// then the remainder; element by element with the strides otherwise.
// CHECK-LABEL: func.func @chain
// CHECK:         ts.fusion_group(%arg0, %arg1) kernel @__tsc_fusion_0 {
// CHECK:       llvm.func internal @__tsc_fusion_0(%[[BEGIN:[a-z0-9]+]]: i64, %[[END:[a-z0-9]+]]: i64, %[[DATA:[a-z0-9]+]]: !llvm.ptr, %[[STRIDES:[a-z0-9]+]]: !llvm.ptr) attributes {tsc.kernel}
// CHECK-COUNT-3: llvm.load %{{.*}} : !llvm.ptr -> !llvm.ptr
// CHECK-COUNT-2: llvm.load %{{.*}} : !llvm.ptr -> i64
// CHECK:         scf.if
// CHECK:           %[[C32:.*]] = arith.constant 32 : i64
// CHECK:           arith.divsi %{{.*}}, %[[C32]] : i64
// CHECK:           scf.for %{{.*}} = %[[BEGIN]] to %[[PAIRS:[0-9]+]] step %{{.*}} : i64 {
// CHECK:             llvm.load %{{.*}} {alignment = 4 : i64} : !llvm.ptr -> vector<32xf32>
// CHECK:             math.tanh %{{.*}} : vector<32xf32>
// CHECK:             llvm.store %{{.*}}, %{{.*}} {alignment = 4 : i64} : vector<32xf32>, !llvm.ptr
// CHECK:           %[[C16:.*]] = arith.constant 16 : i64
// CHECK:           arith.divsi %{{.*}}, %[[C16]] : i64
// CHECK:           scf.for %[[I:.*]] = %[[PAIRS]] to %{{.*}} step %{{.*}} : i64 {
// CHECK:             llvm.load %{{.*}} {alignment = 4 : i64} : !llvm.ptr -> vector<16xf32>
// CHECK:             llvm.load %{{.*}} {alignment = 4 : i64} : !llvm.ptr -> vector<16xf32>
// CHECK:             arith.mulf %{{.*}}, %{{.*}} : vector<16xf32>
// CHECK:             arith.addf %{{.*}}, %{{.*}} : vector<16xf32>
// CHECK:             math.tanh %{{.*}} : vector<16xf32>
// CHECK:             llvm.store %{{.*}}, %{{.*}} {alignment = 4 : i64} : vector<16xf32>, !llvm.ptr
// CHECK:           scf.for %{{.*}} = %{{.*}} to %[[END]] step %{{.*}} : i64 {
// CHECK:             math.tanh %{{.*}} : f32
// CHECK:         } else {
// CHECK:           scf.for %[[J:.*]] = %[[BEGIN]] to %[[END]] step %{{.*}} : i64 {
// CHECK:             arith.muli %[[J]], %{{.*}} : i64
// CHECK:             llvm.load %{{.*}} {alignment = 4 : i64} : !llvm.ptr -> f32
// CHECK:             math.tanh %{{.*}} : f32
// CHECK:         llvm.return
// W8:            llvm.load %{{.*}} {alignment = 4 : i64} : !llvm.ptr -> vector<16xf32>
// W8:            llvm.load %{{.*}} {alignment = 4 : i64} : !llvm.ptr -> vector<8xf32>
// W8-NOT:        vector<32xf32>
// IL1-LABEL:     llvm.func internal @__tsc_fusion_0
// IL1:             llvm.load %{{.*}} {alignment = 4 : i64} : !llvm.ptr -> vector<16xf32>
// IL1-NOT:         vector<32xf32>
// IL1:             llvm.return

// After lowering only LLVM is left in the kernel: tanh is a polynomial in
// vector arithmetic (no call), and its fused multiply-adds may fuse.
// LLVM-LABEL: llvm.func internal @__tsc_fusion_0
// LLVM-NOT:     {{arith|math|scf|cf|vector}}.
// LLVM-NOT:     llvm.call
// LLVM:         llvm.intr.fmuladd{{.*}}vector<16xf32>
// LLVM-NOT:     llvm.intr.fma(
// LLVM:         llvm.return
func.func @chain(%x: !ts.tensor, %y: !ts.tensor) -> !ts.tensor {
  %r = ts.fusion_group(%x, %y) {
  ^bb0(%a: !ts.tensor, %b: !ts.tensor):
    %c = ts.prim.Constant(1.500000e+00 : f64) : f64
    %one = ts.prim.Constant(1 : i64) : i64
    %m = ts.aten.mul.Scalar %a, %c : (!ts.tensor, f64) -> !ts.tensor
    %s = ts.aten.add.Tensor %m, %b, %one : (!ts.tensor, !ts.tensor, i64) -> !ts.tensor
    %t = ts.aten.tanh %s : (!ts.tensor) -> !ts.tensor
    ts.yield %t : !ts.tensor
  } : (!ts.tensor, !ts.tensor) -> !ts.tensor
  return %r : !ts.tensor
}

// -----

// Each operator's arithmetic, with its constant parameters baked in (the
// vector loop shown; the scalar loops repeat it on f32).
// CHECK-LABEL: func.func @kinds
// CHECK:       llvm.func internal @__tsc_fusion_0
// CHECK:         %[[X:[0-9]+]] = llvm.load {{.*}} -> vector<16xf32>
// add.Tensor with alpha 2: an fma of the second operand
// CHECK:         math.fma %[[X]], %{{.*}}, %[[X]] : vector<16xf32>
// sub.Tensor, alpha 1
// CHECK:         arith.subf
// rsub.Scalar: 3 - x
// CHECK:         %[[THREE:.*]] = arith.constant dense<3.000000e+00>
// CHECK:         arith.subf %[[THREE]], %{{.*}}
// pow 2, 0.5, -1, 1.7
// CHECK:         arith.mulf %[[P:.*]], %[[P]]
// CHECK:         math.sqrt
// CHECK:         arith.divf
// CHECK:         math.powf
// relu: NaN-propagating maximum with 0
// CHECK:         arith.maximumf %{{.*}}, %{{.*}} : vector<16xf32>
// gelu: x * Phi(x), Phi's tail g = 0.5 / R(|x|)^16 (R of degree 7, by
// Horner's rule), Phi = 1 - g for x >= 0
// CHECK:         %[[GA:[0-9]+]] = math.absf %[[GX:[0-9]+]] : vector<16xf32>
// CHECK-COUNT-7: math.fma %{{.*}}, %[[GA]], %{{.*}}
// CHECK-NEXT:    %[[R2:[0-9]+]] = arith.mulf %[[R:[0-9]+]], %[[R]]
// CHECK-NEXT:    %[[R4:[0-9]+]] = arith.mulf %[[R2]], %[[R2]]
// CHECK-NEXT:    %[[R8:[0-9]+]] = arith.mulf %[[R4]], %[[R4]]
// CHECK-NEXT:    %[[R16:[0-9]+]] = arith.mulf %[[R8]], %[[R8]]
// CHECK:         %[[G:[0-9]+]] = arith.divf %{{.*}}, %[[R16]]
// CHECK:         %[[UPPER:[0-9]+]] = arith.subf %{{.*}}, %[[G]]
// CHECK:         %[[NONNEG:[0-9]+]] = arith.cmpf oge, %[[GX]]
// CHECK:         %[[PHI:[0-9]+]] = arith.select %[[NONNEG]], %[[UPPER]], %[[G]]
// CHECK:         arith.mulf %[[GX]], %[[PHI]]
// gelu tanh
// CHECK:         math.tanh
// hardtanh(-0.5, 0.5)
// CHECK:         arith.constant dense<-5.000000e-01>
// CHECK:         arith.maximumf
// CHECK:         arith.constant dense<5.000000e-01>
// CHECK:         arith.minimumf
// leaky_relu(0.2)
// CHECK:         arith.cmpf ogt
// CHECK:         arith.select
// elu
// CHECK:         math.expm1
// CHECK:         arith.cmpf ole
// clamp(min=None, max=2)
// CHECK:         arith.constant dense<2.000000e+00>
// CHECK-NEXT:    arith.minimumf
// sigmoid, silu
// CHECK:         math.exp
// CHECK:         math.exp
// CHECK:         llvm.store
func.func @kinds(%x: !ts.tensor) -> !ts.tensor {
  %r = ts.fusion_group(%x) {
  ^bb0(%a: !ts.tensor):
    %two = ts.prim.Constant(2 : i64) : i64
    %one = ts.prim.Constant(1 : i64) : i64
    %three = ts.prim.Constant(3.000000e+00 : f64) : f64
    %half = ts.prim.Constant(5.000000e-01 : f64) : f64
    %mhalf = ts.prim.Constant(-5.000000e-01 : f64) : f64
    %m1 = ts.prim.Constant(-1 : i64) : i64
    %p17 = ts.prim.Constant(1.700000e+00 : f64) : f64
    %slope = ts.prim.Constant(2.000000e-01 : f64) : f64
    %none = ts.prim.Constant(unit) : !ts.none
    %nonestr = ts.prim.Constant("none") : !ts.str
    %tanhstr = ts.prim.Constant("tanh") : !ts.str
    %0 = ts.aten.add.Tensor %a, %a, %two : (!ts.tensor, !ts.tensor, i64) -> !ts.tensor
    %1 = ts.aten.sub.Tensor %0, %a, %one : (!ts.tensor, !ts.tensor, i64) -> !ts.tensor
    %2 = ts.aten.rsub.Scalar %1, %three, %one : (!ts.tensor, f64, i64) -> !ts.tensor
    %3 = ts.aten.pow.Tensor_Scalar %2, %two : (!ts.tensor, i64) -> !ts.tensor
    %4 = ts.aten.pow.Tensor_Scalar %3, %half : (!ts.tensor, f64) -> !ts.tensor
    %5 = ts.aten.pow.Tensor_Scalar %4, %m1 : (!ts.tensor, i64) -> !ts.tensor
    %6 = ts.aten.pow.Tensor_Scalar %5, %p17 : (!ts.tensor, f64) -> !ts.tensor
    %7 = ts.aten.relu %6 : (!ts.tensor) -> !ts.tensor
    %8 = ts.aten.gelu %7, %nonestr : (!ts.tensor, !ts.str) -> !ts.tensor
    %9 = ts.aten.gelu %8, %tanhstr : (!ts.tensor, !ts.str) -> !ts.tensor
    %10 = ts.aten.hardtanh %9, %mhalf, %half : (!ts.tensor, f64, f64) -> !ts.tensor
    %11 = ts.aten.leaky_relu %10, %slope : (!ts.tensor, f64) -> !ts.tensor
    %12 = ts.aten.elu %11, %one, %one, %one : (!ts.tensor, i64, i64, i64) -> !ts.tensor
    %13 = ts.aten.clamp %12, %none, %two : (!ts.tensor, !ts.none, i64) -> !ts.tensor
    %14 = ts.aten.sigmoid %13 : (!ts.tensor) -> !ts.tensor
    %15 = ts.aten.silu %14 : (!ts.tensor) -> !ts.tensor
    ts.yield %15 : !ts.tensor
  } : (!ts.tensor) -> !ts.tensor
  return %r : !ts.tensor
}

// -----

// A group with a softmax: row by row, the row's maximum and sum of
// exponentials (whole vectors reduced, then the rest one by one), then
// each element; the kernel takes the row length and row strides.
// CHECK-LABEL: func.func @softmax
// CHECK:       llvm.func internal @__tsc_fusion_0(%[[RB:[a-z0-9]+]]: i64, %[[RE:[a-z0-9]+]]: i64, %[[N:[a-z0-9]+]]: i64, %{{[a-z0-9]+}}: !llvm.ptr, %{{[a-z0-9]+}}: !llvm.ptr) attributes {tsc.kernel}
// CHECK:         scf.for %[[ROW:.*]] = %[[RB]] to %[[RE]] step
// CHECK:           %[[M:.*]] = scf.for {{.*}} iter_args(%{{.*}} = %{{.*}}) -> (vector<16xf32>)
// CHECK:             arith.maximumf {{.*}} : vector<16xf32>
// CHECK:           %[[MV:.*]] = vector.reduction <maximumf>, %[[M]]
// CHECK:           %[[MAX:.*]] = scf.for {{.*}} iter_args(%{{.*}} = %[[MV]]) -> (f32)
// CHECK:           scf.for {{.*}} -> (vector<16xf32>)
// CHECK:             math.exp {{.*}} : vector<16xf32>
// CHECK:           vector.reduction <add>
// CHECK:           %[[SUM:.*]] = scf.for {{.*}} -> (f32)
// CHECK:           %[[INV:.*]] = arith.divf %{{.*}}, %[[SUM]] : f32
// CHECK:           scf.for
// CHECK:             vector.broadcast %[[MAX]] : f32 to vector<16xf32>
// CHECK:             math.exp
// CHECK:             vector.broadcast %[[INV]] : f32 to vector<16xf32>
// CHECK:             arith.mulf
// CHECK:             arith.addf
// CHECK:             llvm.store {{.*}} : vector<16xf32>, !llvm.ptr
// CHECK:           scf.for %{{.*}} = %{{.*}} to %[[N]]
// LLVM-LABEL: func.func @softmax
// LLVM:         llvm.func internal @__tsc_fusion_0
// LLVM-NOT:     {{arith|math|scf|cf|vector}}.
// LLVM:         llvm.intr.vector.reduce.fmaximum
// LLVM:         llvm.intr.vector.reduce.fadd
func.func @softmax(%x: !ts.tensor, %y: !ts.tensor) -> !ts.tensor {
  %r = ts.fusion_group(%x, %y) {
  ^bb0(%a: !ts.tensor, %b: !ts.tensor):
    %last = ts.prim.Constant(-1 : i64) : i64
    %none = ts.prim.Constant(unit) : !ts.none
    %one = ts.prim.Constant(1 : i64) : i64
    %s = ts.aten.softmax.int %a, %last, %none : (!ts.tensor, i64, !ts.none) -> !ts.tensor
    %t = ts.aten.add.Tensor %s, %b, %one : (!ts.tensor, !ts.tensor, i64) -> !ts.tensor
    ts.yield %t : !ts.tensor
  } : (!ts.tensor, !ts.tensor) -> !ts.tensor
  return %r : !ts.tensor
}
