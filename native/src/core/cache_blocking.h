#pragma once
// Cache blocking of large registers: consecutive fused steps are grouped into "windows", each a
// set of `block_qubits` qubits that always contains the lowest `fixed_low_qubits` (so a block is
// made of contiguous chunks of at least 2^fixed_low_qubits amplitudes). One window is applied in
// ONE sweep over the state: for every block (one value of the qubits outside the window) the
// block's amplitudes are copied into a cache-sized scratch buffer (in the planar layout of
// kernel_table.h), every step of the window is applied there, and the block is copied back. Steps keep their relative order wherever they
// share a qubit (a step joins a window only if it commutes with every step left behind before
// it), so the result equals one pass per step.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace qdcnn {

struct BlockWindow {
  std::vector<int> qubits;  // ascending; empty: steps holds one step applied by a plain pass
  std::vector<int> steps;   // indices into the step list, in application order
};

// Greedy plan over steps given by their (ascending) qubit lists. Preconditions: 1 <= each step's
// qubit count <= block_qubits - fixed_low_qubits, qubits < n_qubits, fixed_low_qubits <
// block_qubits < n_qubits. Windows holding one step only become plain passes.
std::vector<BlockWindow> plan_block_windows(const std::vector<std::vector<int>>& step_qubits,
                                            int n_qubits, int block_qubits, int fixed_low_qubits);

// Block geometry of one window on an n-qubit register.
class BlockLayout {
 public:
  // window: ascending qubits, containing 0 .. fixed low run - 1.
  BlockLayout(const std::vector<int>& window, int n_qubits);

  uint64_t blocks() const { return uint64_t{1} << outside_.size(); }
  uint64_t chunks() const { return uint64_t{1} << chunk_bits_.size(); }
  uint64_t chunk_size() const { return uint64_t{1} << run_; }
  // Position of a window qubit inside the block (its rank in the window).
  int local_qubit(int qubit) const;
  // State index of the first amplitude of chunk `chunk` of block `block`: the OR of the two below.
  uint64_t chunk_start(uint64_t block, uint64_t chunk) const;
  uint64_t block_start(uint64_t block) const;
  uint64_t chunk_offset(uint64_t chunk) const;

 private:
  std::vector<int> window_;
  std::vector<int> outside_;     // qubits not in the window, ascending
  std::vector<int> chunk_bits_;  // window qubits above the contiguous low run, ascending
  int run_ = 0;                  // window holds qubits 0 .. run_ - 1
};

// Window size for a cache-sized block (about 1 MiB) and the fixed low run (32-amplitude chunks).
int default_block_qubits(int amplitude_bytes);
int default_fixed_low_qubits(int amplitude_bytes);

// Prefetches [address, address + bytes) into the caches: the chunks of a block lie scattered
// over the state, where the hardware prefetcher cannot follow, so the copy fetches the next chunk
// ahead.
void prefetch_range(const void* address, size_t bytes);

// QDCNN_CACHE_BLOCKING from the environment: unset or "1" = on, "0" = off (anything else: on).
bool cache_blocking_enabled_by_environment();

}  // namespace qdcnn
