// A method with refined argument types, as a traced graph would have them.
module {
  func.func @forward(%x: !ts.tensor<[2, 3], f32> {ts.name = "x"}, %n: i64 {ts.name = "n"}) -> !ts.tensor {
    %y = ts.aten.mul.Scalar %x, %n : (!ts.tensor<[2, 3], f32>, i64) -> !ts.tensor
    return %y : !ts.tensor
  }
}
