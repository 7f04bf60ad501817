// RUN: tsc-opt %s -tsc-decompose-rnn-cells -split-input-file | FileCheck %s

// A GRU cell (H = 2, I = 3): for each gate r, z, n a linear layer of the
// input and one of the hidden state, on rows [2g, 2g + 2) of the stacked
// weights and biases, then ATen's formula.
// CHECK-LABEL: func.func @gru
// CHECK-NOT:     aten::gru_cell
// CHECK-DAG:     %[[WIR:.*]] = ts.prim.Constant(dense<{{\[\[}}1.000000e+00, 2.000000e+00, 3.000000e+00], [4.000000e+00, 5.000000e+00, 6.000000e+00]]> : tensor<2x3xf32>)
// CHECK-DAG:     %[[BIR:.*]] = ts.prim.Constant(dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>)
// CHECK-DAG:     %[[WHR:.*]] = ts.prim.Constant(dense<{{\[\[}}1.000000e+00, 0.000000e+00], [0.000000e+00, 1.000000e+00]]> : tensor<2x2xf32>)
// CHECK-DAG:     %[[BHR:.*]] = ts.prim.Constant(dense<[7.000000e+00, 8.000000e+00]> : tensor<2xf32>)
// CHECK-DAG:     %[[HR:.*]] = ts.aten.linear %arg1, %[[WHR]], %[[BHR]]
// CHECK-DAG:     %[[XR:.*]] = ts.aten.linear %arg0, %[[WIR]], %[[BIR]]
// CHECK:         %[[SR:.*]] = ts.aten.add.Tensor %[[HR]], %[[XR]]
// CHECK:         %[[R:.*]] = ts.aten.sigmoid %[[SR]]
// CHECK:         %[[Z:.*]] = ts.aten.sigmoid
// CHECK:         %[[HN:.*]] = ts.aten.linear %arg1
// CHECK:         %[[HNR:.*]] = ts.aten.mul.Tensor %[[HN]], %[[R]]
// CHECK:         %[[WIN:.*]] = ts.prim.Constant(dense<{{\[\[}}1.300000e+01, 1.400000e+01, 1.500000e+01], [1.600000e+01, 1.700000e+01, 1.800000e+01]]> : tensor<2x3xf32>)
// CHECK:         %[[XN:.*]] = ts.aten.linear %arg0, %[[WIN]]
// CHECK:         %[[SN:.*]] = ts.aten.add.Tensor %[[XN]], %[[HNR]]
// CHECK:         %[[N:.*]] = ts.aten.tanh %[[SN]]
// CHECK:         %[[D:.*]] = ts.aten.sub.Tensor %arg1, %[[N]]
// CHECK:         %[[DZ:.*]] = ts.aten.mul.Tensor %[[D]], %[[Z]]
// CHECK:         %[[H:.*]] = ts.aten.add.Tensor %[[DZ]], %[[N]]
// CHECK:         return %[[H]]
func.func @gru(%x: !ts.tensor, %h: !ts.tensor) -> !ts.tensor {
  %wih = ts.prim.Constant(dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0], [10.0, 11.0, 12.0], [13.0, 14.0, 15.0], [16.0, 17.0, 18.0]]> : tensor<6x3xf32>) : !ts.tensor<[6, 3], f32>
  %whh = ts.prim.Constant(dense<[[1.0, 0.0], [0.0, 1.0], [2.0, 0.0], [0.0, 2.0], [3.0, 0.0], [0.0, 3.0]]> : tensor<6x2xf32>) : !ts.tensor<[6, 2], f32>
  %bih = ts.prim.Constant(dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]> : tensor<6xf32>) : !ts.tensor<[6], f32>
  %bhh = ts.prim.Constant(dense<[7.0, 8.0, 9.0, 10.0, 11.0, 12.0]> : tensor<6xf32>) : !ts.tensor<[6], f32>
  %r = ts.operator "aten::gru_cell"(%x, %h, %wih, %whh, %bih, %bhh) {overload = "", schema = "aten::gru_cell(Tensor input, Tensor hx, Tensor w_ih, Tensor w_hh, Tensor? b_ih=None, Tensor? b_hh=None) -> Tensor"} : (!ts.tensor, !ts.tensor, !ts.tensor<[6, 3], f32>, !ts.tensor<[6, 2], f32>, !ts.tensor<[6], f32>, !ts.tensor<[6], f32>) -> !ts.tensor
  return %r : !ts.tensor
}

// -----

// An LSTM cell without biases (H = 1, four gates): hx is the list [h, c],
// which goes with the cell; c' = sigmoid(f) * c + sigmoid(i) * tanh(g),
// h' = sigmoid(o) * tanh(c').
// CHECK-LABEL: func.func @lstm
// CHECK-NOT:     ts.prim.ListConstruct
// CHECK:         ts.aten.linear %arg1, %{{.*}}, %{{.*}} : (!ts.tensor, !ts.tensor<[1, 1], f32>, !ts.none)
// CHECK:         %[[I:.*]] = ts.aten.sigmoid
// CHECK:         %[[F:.*]] = ts.aten.sigmoid
// CHECK:         %[[G:.*]] = ts.aten.tanh
// CHECK:         %[[O:.*]] = ts.aten.sigmoid
// CHECK:         %[[FC:.*]] = ts.aten.mul.Tensor %[[F]], %arg2
// CHECK:         %[[IG:.*]] = ts.aten.mul.Tensor %[[I]], %[[G]]
// CHECK:         %[[C:.*]] = ts.aten.add.Tensor %[[FC]], %[[IG]]
// CHECK:         %[[TC:.*]] = ts.aten.tanh %[[C]]
// CHECK:         %[[H:.*]] = ts.aten.mul.Tensor %[[O]], %[[TC]]
// CHECK:         %[[CAST:.*]] = ts.prim.unchecked_cast %[[H]] : !ts.tensor to !ts.tensor<[1, 1], f32>
// CHECK:         return %[[CAST]], %[[C]]
func.func @lstm(%x: !ts.tensor, %h: !ts.tensor, %c: !ts.tensor) -> (!ts.tensor<[1, 1], f32>, !ts.tensor) {
  %wih = ts.prim.Constant(dense<[[1.0], [2.0], [3.0], [4.0]]> : tensor<4x1xf32>) : !ts.tensor<[4, 1], f32>
  %whh = ts.prim.Constant(dense<[[5.0], [6.0], [7.0], [8.0]]> : tensor<4x1xf32>) : !ts.tensor<[4, 1], f32>
  %none = ts.prim.Constant(unit) : !ts.none
  %hx = ts.prim.ListConstruct %h, %c : (!ts.tensor, !ts.tensor) -> !ts.list<!ts.tensor>
  %r:2 = ts.operator "aten::lstm_cell"(%x, %hx, %wih, %whh, %none, %none) {overload = "", schema = "aten::lstm_cell(Tensor input, Tensor[] hx, Tensor w_ih, Tensor w_hh, Tensor? b_ih=None, Tensor? b_hh=None) -> (Tensor, Tensor)"} : (!ts.tensor, !ts.list<!ts.tensor>, !ts.tensor<[4, 1], f32>, !ts.tensor<[4, 1], f32>, !ts.none, !ts.none) -> (!ts.tensor<[1, 1], f32>, !ts.tensor)
  return %r#0, %r#1 : !ts.tensor<[1, 1], f32>, !ts.tensor
}

// -----

// An Elman cell: tanh(linear_hh(h) + linear_ih(x)); relu likewise.
// CHECK-LABEL: func.func @rnn
// CHECK:         %[[HH:.*]] = ts.aten.linear %arg1
// CHECK:         %[[IH:.*]] = ts.aten.linear %arg0
// CHECK:         %[[S:.*]] = ts.aten.add.Tensor %[[HH]], %[[IH]]
// CHECK:         %[[T:.*]] = ts.aten.tanh %[[S]]
// CHECK:         ts.aten.relu
// CHECK:         return %[[T]]
func.func @rnn(%x: !ts.tensor, %h: !ts.tensor) -> (!ts.tensor, !ts.tensor) {
  %wih = ts.prim.Constant(dense<[[1.0, 2.0]]> : tensor<1x2xf32>) : !ts.tensor<[1, 2], f32>
  %whh = ts.prim.Constant(dense<[[3.0]]> : tensor<1x1xf32>) : !ts.tensor<[1, 1], f32>
  %b = ts.prim.Constant(dense<[0.5]> : tensor<1xf32>) : !ts.tensor<[1], f32>
  %t = ts.operator "aten::rnn_tanh_cell"(%x, %h, %wih, %whh, %b, %b) {overload = "", schema = "aten::rnn_tanh_cell(Tensor input, Tensor hx, Tensor w_ih, Tensor w_hh, Tensor? b_ih=None, Tensor? b_hh=None) -> Tensor"} : (!ts.tensor, !ts.tensor, !ts.tensor<[1, 2], f32>, !ts.tensor<[1, 1], f32>, !ts.tensor<[1], f32>, !ts.tensor<[1], f32>) -> !ts.tensor
  %r = ts.operator "aten::rnn_relu_cell"(%x, %h, %wih, %whh, %b, %b) {overload = "", schema = "aten::rnn_relu_cell(Tensor input, Tensor hx, Tensor w_ih, Tensor w_hh, Tensor? b_ih=None, Tensor? b_hh=None) -> Tensor"} : (!ts.tensor, !ts.tensor, !ts.tensor<[1, 2], f32>, !ts.tensor<[1, 1], f32>, !ts.tensor<[1], f32>, !ts.tensor<[1], f32>) -> !ts.tensor
  return %t, %r : !ts.tensor, !ts.tensor
}

// -----

// Cells stay as they are when a weight is not a constant, the weights'
// sizes do not fit the gates, or a bias has the wrong length.
// CHECK-LABEL: func.func @kept
// CHECK-COUNT-3: ts.operator "aten::gru_cell"
// CHECK-NOT:     ts.aten.linear
func.func @kept(%x: !ts.tensor, %h: !ts.tensor, %w: !ts.tensor) -> (!ts.tensor, !ts.tensor, !ts.tensor) {
  %w6 = ts.prim.Constant(dense<1.0> : tensor<6x2xf32>) : !ts.tensor<[6, 2], f32>
  %w5 = ts.prim.Constant(dense<1.0> : tensor<5x2xf32>) : !ts.tensor<[5, 2], f32>
  %b4 = ts.prim.Constant(dense<1.0> : tensor<4xf32>) : !ts.tensor<[4], f32>
  %none = ts.prim.Constant(unit) : !ts.none
  %a = ts.operator "aten::gru_cell"(%x, %h, %w, %w6, %none, %none) {overload = "", schema = "aten::gru_cell(Tensor input, Tensor hx, Tensor w_ih, Tensor w_hh, Tensor? b_ih=None, Tensor? b_hh=None) -> Tensor"} : (!ts.tensor, !ts.tensor, !ts.tensor, !ts.tensor<[6, 2], f32>, !ts.none, !ts.none) -> !ts.tensor
  %b = ts.operator "aten::gru_cell"(%x, %h, %w5, %w6, %none, %none) {overload = "", schema = "aten::gru_cell(Tensor input, Tensor hx, Tensor w_ih, Tensor w_hh, Tensor? b_ih=None, Tensor? b_hh=None) -> Tensor"} : (!ts.tensor, !ts.tensor, !ts.tensor<[5, 2], f32>, !ts.tensor<[6, 2], f32>, !ts.none, !ts.none) -> !ts.tensor
  %c = ts.operator "aten::gru_cell"(%x, %h, %w6, %w6, %b4, %none) {overload = "", schema = "aten::gru_cell(Tensor input, Tensor hx, Tensor w_ih, Tensor w_hh, Tensor? b_ih=None, Tensor? b_hh=None) -> Tensor"} : (!ts.tensor, !ts.tensor, !ts.tensor<[6, 2], f32>, !ts.tensor<[6, 2], f32>, !ts.tensor<[4], f32>, !ts.none) -> !ts.tensor
  return %a, %b, %c : !ts.tensor, !ts.tensor, !ts.tensor
}
