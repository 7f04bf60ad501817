// A group result declared of 8 floats (64 arena bytes) whose argument has
// unknown sizes: the plan places it, and a call with more elements than
// that must not write past the planned bytes. plan_memory_sizes.py
// computes the same.
func.func @forward(%x: !ts.tensor {ts.name = "x"}) -> !ts.tensor {
  %r = ts.fusion_group(%x) {
  ^bb0(%a: !ts.tensor):
    %t = ts.aten.tanh %a : (!ts.tensor) -> !ts.tensor<[8], f32>
    ts.yield %t : !ts.tensor<[8], f32>
  } : (!ts.tensor) -> !ts.tensor<[8], f32>
  %n = ts.aten.neg %r : (!ts.tensor<[8], f32>) -> !ts.tensor
  return %n : !ts.tensor
}
