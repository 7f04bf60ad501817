// `with torch.no_grad():` in compiled code: the body runs without grad, the
// mode is restored after the block, and also when the block raises.
#include "no_grad.h"

#include <iostream>
#include <torch/torch.h>

int main() {
  at::Tensor x = torch::ones({2}, torch::requires_grad());
  no_grad::Model model;
  at::Tensor y = model.forward(x, false);
  std::cout << "result requires grad: " << y.requires_grad() << "\n";
  std::cout << "grad mode after the block: " << c10::GradMode::is_enabled()
            << "\n";
  try {
    model.forward(x, true);
  } catch (const std::exception &e) {
    std::cout << "error: " << e.what() << "\n";
  }
  std::cout << "grad mode after the error: " << c10::GradMode::is_enabled()
            << "\n";
  return 0;
}
