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

// -----

// A whole LSTM of two layers without biases (aten::lstm, sequence first):
// per layer, h0 and c0 are that layer's slices of hx, a loop over the
// sequence runs the layer's cell on each step's input and appends the new
// hidden state to a list, whose stack is the next layer's input; the last
// is the output, the layers' final states stacked are h_n and c_n.
// CHECK-LABEL: func.func @lstm
// CHECK-NOT:     ts.aten.lstm.input
// CHECK:         %[[STEPS:.*]] = ts.aten.size.int %arg0, %{{.*}}
// CHECK:         %[[H0:.*]] = ts.aten.select.int %arg1, %{{.*}}, %[[L0:.*]] :
// CHECK:         %[[C0:.*]] = ts.aten.select.int %arg2, %{{.*}}, %[[L0]] :
// CHECK:         %[[OUT0:.*]] = ts.prim.ListConstruct  : () -> !ts.list<!ts.tensor>
// CHECK:         %[[LOOP0:.*]]:2 = ts.prim.Loop %[[STEPS]], %{{.*}} iter(%[[H0]], %[[C0]] : !ts.tensor, !ts.tensor)
// CHECK-NEXT:    ^bb0(%[[T:.*]]: i64, %[[H:.*]]: !ts.tensor, %[[C:.*]]: !ts.tensor):
// CHECK:           %[[XT:.*]] = ts.aten.select.int %arg0, %{{.*}}, %[[T]]
// CHECK:           ts.aten.linear %[[H]], %{{.*}} : (!ts.tensor, !ts.tensor<[1, 1], f32>, !ts.none)
// CHECK:           ts.aten.linear %[[XT]], %{{.*}} : (!ts.tensor, !ts.tensor<[1, 1], f32>, !ts.none)
// CHECK:           %[[FC:.*]] = ts.aten.mul.Tensor %{{.*}}, %[[C]]
// CHECK:           %[[CN:.*]] = ts.aten.add.Tensor %[[FC]]
// CHECK:           %[[TC:.*]] = ts.aten.tanh %[[CN]]
// CHECK:           %[[HN:.*]] = ts.aten.mul.Tensor %{{.*}}, %[[TC]]
// CHECK:           ts.aten.append.t %[[OUT0]], %[[HN]]
// CHECK:           ts.yield %{{.*}}, %[[HN]], %[[CN]] : i1, !ts.tensor, !ts.tensor
// CHECK:         %[[X1:.*]] = ts.aten.stack %[[OUT0]], %{{.*}}
// CHECK:         %[[OUT1:.*]] = ts.prim.ListConstruct  : () -> !ts.list<!ts.tensor>
// CHECK:         %[[LOOP1:.*]]:2 = ts.prim.Loop %[[STEPS]]
// CHECK:           ts.aten.select.int %[[X1]]
// The second layer's input weight (w_ih of layer 1, gate i) is its own.
// CHECK:           ts.prim.Constant(dense<5.000000e-01> : tensor<1x1xf32>)
// CHECK:         %[[Y:.*]] = ts.aten.stack %[[OUT1]]
// CHECK:         %[[HS:.*]] = ts.prim.ListConstruct %[[LOOP0]]#0, %[[LOOP1]]#0
// CHECK:         %[[HN:.*]] = ts.aten.stack %[[HS]]
// CHECK:         %[[CS:.*]] = ts.prim.ListConstruct %[[LOOP0]]#1, %[[LOOP1]]#1
// CHECK:         %[[CN:.*]] = ts.aten.stack %[[CS]]
// CHECK:         return %[[Y]], %[[HN]], %[[CN]]
func.func @lstm(%x: !ts.tensor, %h0: !ts.tensor, %c0: !ts.tensor) -> (!ts.tensor, !ts.tensor, !ts.tensor) {
  %params = ts.prim.Constant([dense<[[1.0], [2.0], [3.0], [4.0]]> : tensor<4x1xf32>, dense<[[5.0], [6.0], [7.0], [8.0]]> : tensor<4x1xf32>, dense<[[0.5], [0.25], [0.125], [2.0]]> : tensor<4x1xf32>, dense<[[1.5], [2.5], [3.5], [4.5]]> : tensor<4x1xf32>]) : !ts.list<!ts.tensor>
  %false = ts.prim.Constant(false) : i1
  %two = ts.prim.Constant(2 : i64) : i64
  %p = ts.prim.Constant(0.0 : f64) : f64
  %hx = ts.prim.ListConstruct %h0, %c0 : (!ts.tensor, !ts.tensor) -> !ts.list<!ts.tensor>
  %r:3 = ts.aten.lstm.input %x, %hx, %params, %false, %two, %p, %false, %false, %false : (!ts.tensor, !ts.list<!ts.tensor>, !ts.list<!ts.tensor>, i1, i64, f64, i1, i1, i1) -> (!ts.tensor, !ts.tensor, !ts.tensor)
  return %r#0, %r#1, %r#2 : !ts.tensor, !ts.tensor, !ts.tensor
}

// -----

// LSTMs batch first, bidirectional, in training, or whose weights do not
// fit the layer count stay as they are.
// CHECK-LABEL: func.func @lstm_kept
// CHECK-COUNT-4: ts.aten.lstm.input
// CHECK-NOT:     ts.prim.Loop
func.func @lstm_kept(%x: !ts.tensor, %h0: !ts.tensor, %c0: !ts.tensor) -> (!ts.tensor, !ts.tensor, !ts.tensor, !ts.tensor) {
  %params = ts.prim.Constant([dense<1.0> : tensor<4x1xf32>, dense<1.0> : tensor<4x1xf32>]) : !ts.list<!ts.tensor>
  %false = ts.prim.Constant(false) : i1
  %true = ts.prim.Constant(true) : i1
  %one = ts.prim.Constant(1 : i64) : i64
  %two = ts.prim.Constant(2 : i64) : i64
  %p = ts.prim.Constant(0.0 : f64) : f64
  %hx = ts.prim.ListConstruct %h0, %c0 : (!ts.tensor, !ts.tensor) -> !ts.list<!ts.tensor>
  %a:3 = ts.aten.lstm.input %x, %hx, %params, %false, %one, %p, %false, %false, %true : (!ts.tensor, !ts.list<!ts.tensor>, !ts.list<!ts.tensor>, i1, i64, f64, i1, i1, i1) -> (!ts.tensor, !ts.tensor, !ts.tensor)
  %b:3 = ts.aten.lstm.input %x, %hx, %params, %false, %one, %p, %false, %true, %false : (!ts.tensor, !ts.list<!ts.tensor>, !ts.list<!ts.tensor>, i1, i64, f64, i1, i1, i1) -> (!ts.tensor, !ts.tensor, !ts.tensor)
  %c:3 = ts.aten.lstm.input %x, %hx, %params, %false, %one, %p, %true, %false, %false : (!ts.tensor, !ts.list<!ts.tensor>, !ts.list<!ts.tensor>, i1, i64, f64, i1, i1, i1) -> (!ts.tensor, !ts.tensor, !ts.tensor)
  %d:3 = ts.aten.lstm.input %x, %hx, %params, %false, %two, %p, %false, %false, %false : (!ts.tensor, !ts.list<!ts.tensor>, !ts.list<!ts.tensor>, i1, i64, f64, i1, i1, i1) -> (!ts.tensor, !ts.tensor, !ts.tensor)
  return %a#0, %b#0, %c#0, %d#0 : !ts.tensor, !ts.tensor, !ts.tensor, !ts.tensor
}
