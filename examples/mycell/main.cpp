// Runs MyCell compiled by tsc (through the generated header's C++ wrapper)
// and the same archive in LibTorch's TorchScript interpreter, and prints
// both results side by side.
//
//   tsc mycell.pt -o mycell.o --name mycell
//   c++ -std=c++17 main.cpp mycell.o -ltsc_runtime -ltorch -ltorch_cpu -lc10
//   ./a.out mycell.pt

#include "mycell.h"

#include <torch/script.h>

#include <iostream>

int main(int argc, char **argv) {
  if (argc != 2) {
    std::cerr << "usage: " << argv[0] << " mycell.pt\n";
    return 2;
  }
  torch::manual_seed(1);
  at::Tensor x = torch::rand({3, 4});
  at::Tensor h = torch::rand({3, 4});

  at::Tensor compiled;
  try {
    mycell::Model model; // loads one instance
    compiled = std::get<0>(model.forward(x, h));
  } catch (const std::exception &e) {
    std::cerr << "compiled model failed: " << e.what() << "\n";
    return 1;
  }

  torch::jit::Module module = torch::jit::load(argv[1]);
  module.eval();
  at::Tensor interpreted =
      module.forward({x, h}).toTuple()->elements()[0].toTensor();

  std::cout << "tsc-compiled MyCell:\n" << compiled << "\n\n";
  std::cout << "TorchScript interpreter:\n" << interpreted << "\n\n";
  double maxErr = (compiled - interpreted).abs().max().item<double>();
  std::cout << "max abs difference: " << maxErr << "\n";
  return maxErr <= 1e-6 ? 0 : 1;
}
