module {
  func.func @forward(%arg0: !ts.tensor {ts.name = "x"}, %arg1: !ts.tensor {ts.name = "h"}) -> !ts.tuple<!ts.tensor, !ts.tensor> {
    %0 = ts.prim.Constant(1 : i64) : i64
    %1 = ts.prim.Constant(dense<[0.197667599, 0.300011396, -0.338970542, -0.217731416]> : tensor<4xf32>) : !ts.tensor<[4], f32>
    %2 = ts.prim.Constant(dense<[[-3.743410e-03, 0.268221796, -0.411522567, -0.367969513], [-0.192577183, 0.134078681, -0.00990658998, 0.396444738], [-0.0443720222, 0.132306278, -0.151106536, -0.0982826948], [-0.477674246, -0.331141055, -0.20611155, 0.0185217857]]> : tensor<4x4xf32>) : !ts.tensor<[4, 4], f32>
    %3 = ts.aten.linear %arg0, %2, %1 : (!ts.tensor, !ts.tensor<[4, 4], f32>, !ts.tensor<[4], f32>) -> !ts.tensor
    %4 = ts.aten.add.Tensor %3, %arg1, %0 : (!ts.tensor, !ts.tensor, i64) -> !ts.tensor
    %5 = ts.aten.tanh %4 : (!ts.tensor) -> !ts.tensor
    %6 = ts.prim.TupleConstruct %5, %5 : (!ts.tensor, !ts.tensor) -> !ts.tuple<!ts.tensor, !ts.tensor>
    return %6 : !ts.tuple<!ts.tensor, !ts.tensor>
  }
}
