#include "core/cache_blocking.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "core/errors.h"

namespace qdcnn {

std::vector<BlockWindow> plan_block_windows(const std::vector<std::vector<int>>& step_qubits,
                                            int n_qubits, int block_qubits, int fixed_low_qubits) {
  std::vector<BlockWindow> plan;
  std::vector<int> remaining(step_qubits.size());
  for (size_t i = 0; i < remaining.size(); ++i) remaining[i] = static_cast<int>(i);
  std::vector<char> in_window(static_cast<size_t>(n_qubits));
  std::vector<char> blocked(static_cast<size_t>(n_qubits));
  while (!remaining.empty()) {
    std::fill(in_window.begin(), in_window.end(), 0);
    std::fill(blocked.begin(), blocked.end(), 0);
    for (int q = 0; q < fixed_low_qubits; ++q) in_window[static_cast<size_t>(q)] = 1;
    int window_size = fixed_low_qubits;
    BlockWindow window;
    std::vector<int> left;
    for (int s : remaining) {
      const std::vector<int>& qs = step_qubits[static_cast<size_t>(s)];
      bool ok = true;
      int added = 0;
      for (int q : qs) {
        if (blocked[static_cast<size_t>(q)]) ok = false;
        if (!in_window[static_cast<size_t>(q)]) ++added;
      }
      if (ok && window_size + added <= block_qubits) {
        for (int q : qs) in_window[static_cast<size_t>(q)] = 1;
        window_size += added;
        window.steps.push_back(s);
      } else {
        // Later steps on these qubits must not overtake this one.
        for (int q : qs) blocked[static_cast<size_t>(q)] = 1;
        left.push_back(s);
      }
    }
    if (window.steps.empty()) {
      throw Error(QDCNN_ERROR_INTERNAL, "plan_block_windows: a step does not fit in a window");
    }
    if (window.steps.size() > 1) {
      // Fill the window up to block_qubits (any qubits: extra ones cost nothing).
      for (int q = 0; q < n_qubits && window_size < block_qubits; ++q) {
        if (!in_window[static_cast<size_t>(q)]) {
          in_window[static_cast<size_t>(q)] = 1;
          ++window_size;
        }
      }
      for (int q = 0; q < n_qubits; ++q) {
        if (in_window[static_cast<size_t>(q)]) window.qubits.push_back(q);
      }
    }
    plan.push_back(std::move(window));
    remaining = std::move(left);
  }
  return plan;
}

BlockLayout::BlockLayout(const std::vector<int>& window, int n_qubits) : window_(window) {
  while (run_ < static_cast<int>(window_.size()) && window_[static_cast<size_t>(run_)] == run_) {
    ++run_;
  }
  for (size_t j = static_cast<size_t>(run_); j < window_.size(); ++j) chunk_bits_.push_back(window_[j]);
  for (int q = 0; q < n_qubits; ++q) {
    if (!std::binary_search(window_.begin(), window_.end(), q)) outside_.push_back(q);
  }
}

int BlockLayout::local_qubit(int qubit) const {
  return static_cast<int>(std::lower_bound(window_.begin(), window_.end(), qubit) - window_.begin());
}

uint64_t BlockLayout::block_start(uint64_t block) const {
  uint64_t index = 0;
  for (size_t j = 0; j < outside_.size(); ++j) index |= ((block >> j) & 1) << outside_[j];
  return index;
}

uint64_t BlockLayout::chunk_offset(uint64_t chunk) const {
  uint64_t index = 0;
  for (size_t j = 0; j < chunk_bits_.size(); ++j) index |= ((chunk >> j) & 1) << chunk_bits_[j];
  return index;
}

uint64_t BlockLayout::chunk_start(uint64_t block, uint64_t chunk) const {
  return block_start(block) | chunk_offset(chunk);
}

int default_block_qubits(int amplitude_bytes) {
  // 2^20 bytes per block: half of a 2 MiB L2, leaving room for the other thread of the core.
  return amplitude_bytes == 8 ? 17 : 16;
}

int default_fixed_low_qubits(int amplitude_bytes) {
  // 32-amplitude chunks (256 or 512 bytes, whole cache lines; the copy prefetches the next
  // chunk). A short fixed run leaves more window qubits for the steps, so a circuit needs fewer
  // windows, i.e. fewer sweeps over the state: the qsim-format random circuit on 24 qubits with
  // fusion 4 takes 6 windows instead of 14 with the 4 KiB chunks used before, and runs about 15 %
  // faster (complex64, one thread).
  (void)amplitude_bytes;
  return 5;
}

void prefetch_range(const void* address, size_t bytes) {
  const char* p = static_cast<const char*>(address);
  for (size_t i = 0; i < bytes; i += 64) __builtin_prefetch(p + i, 0, 3);
}

bool cache_blocking_enabled_by_environment() {
  const char* value = std::getenv("QDCNN_CACHE_BLOCKING");
  return !(value && std::strcmp(value, "0") == 0);
}

}  // namespace qdcnn
