// Malformed on purpose: the function type of ts.aten.neg has no result.
func.func @forward(%x: !ts.tensor) -> !ts.tensor {
  %y = ts.aten.neg %x : (!ts.tensor) -> 
}
